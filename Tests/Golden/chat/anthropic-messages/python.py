# pip install "anthropic>=0.49,<3"
from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

# The conversation so far: the API keeps no history, so every request carries all of it.
messages = []
for question in ("Name one colour of the sky.", "And at sunset?"):
    messages.append({"role": "user", "content": question})
    message = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=1024, messages=messages)
    print("".join(block.text for block in message.content if block.type == "text"))
    # The answer goes back with the next question, unchanged (thinking blocks and signatures too).
    messages.append({"role": "assistant", "content": message.content})

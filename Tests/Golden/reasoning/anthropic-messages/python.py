# pip install "anthropic>=0.49,<3"
from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

message = client.messages.create(
    model="claude-sonnet-4-20250514",
    max_tokens=3072,
    # Extended thinking: the model may reason for up to this many tokens before it answers.
    thinking={"type": "enabled", "budget_tokens": 2048},
    messages=[{"role": "user", "content": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}],
)
print("Reasoning:", "".join(block.thinking for block in message.content if block.type == "thinking"))
print("Answer:", "".join(block.text for block in message.content if block.type == "text"))

# pip install "anthropic>=0.49,<3"
from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

message = client.messages.create(
    model="claude-sonnet-4-20250514",
    max_tokens=1024,
    messages=[{"role": "user", "content": "Say hi"}],
)
print("".join(block.text for block in message.content if block.type == "text"))

# pip install "anthropic>=0.49,<3"
from anthropic import Anthropic

client = Anthropic(
    # The relay serves Anthropic's API under /anthropic.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

with client.messages.stream(
    model="claude-sonnet-4-20250514",
    max_tokens=3072,
    # Extended thinking: the model may reason for up to this many tokens before answering.
    thinking={"type": "enabled", "budget_tokens": 2048},
    messages=[{"role": "user", "content": "Say hi"}],
) as stream:
    for text in stream.text_stream:
        print(text, end="", flush=True)
print()

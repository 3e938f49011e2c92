# pip install "anthropic>=0.49,<3"
from anthropic import Anthropic

client = Anthropic(
    # The relay serves Anthropic's API under /anthropic.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

with client.messages.stream(
    model="claude-sonnet-4-20250514",
    max_tokens=1024,
    messages=[
        {
            "role": "user",
            "content": [
                {
                    "type": "text",
                    "text": "Say hi",
                    # Prompt caching: later requests that start with this text read it from the cache.
                    "cache_control": {"type": "ephemeral"},
                }
            ],
        }
    ],
) as stream:
    for text in stream.text_stream:
        print(text, end="", flush=True)
print()

# pip install "anthropic>=0.49,<3"
import sys

from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
HANDBOOK = "\n".join(f"Rule {n}: every request through the relay is billed by its tokens." for n in range(1, 201))


def ask():
    """Asks about the handbook; returns the usage the API reports."""
    with client.messages.stream(
        model="claude-sonnet-4-20250514",
        max_tokens=1024,
        # cache_control marks the end of the prefix to cache; later requests that start with it
        # read it from the cache.
        system=[{"type": "text", "text": HANDBOOK, "cache_control": {"type": "ephemeral"}}],
        messages=[{"role": "user", "content": "In one sentence, what is this handbook about?"}],
    ) as stream:
        # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
        content_type = stream.response.headers.get("content-type", "")
        if not content_type.startswith("text/event-stream"):
            body = stream.response.read().decode(errors="replace")
            sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
        for text in stream.text_stream:
            print(text, end="", flush=True)
        print()
        return stream.get_final_message().usage


for number in (1, 2):
    usage = ask()
    cached = usage.cache_read_input_tokens or 0
    # input_tokens counts only what was neither read from nor written to the cache.
    total = usage.input_tokens + (usage.cache_creation_input_tokens or 0) + cached
    print(f"Request {number}: {cached} of {total} input tokens read from the cache")

# pip install "openai>=1.98,<4"
import sys

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /responses.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
HANDBOOK = "\n".join(f"Rule {n}: every request through the relay is billed by its tokens." for n in range(1, 201))


def ask():
    """Asks about the handbook; returns the usage the API reports."""
    stream = client.responses.create(
        model="gpt-5.1",
        instructions=HANDBOOK,
        input="In one sentence, what is this handbook about?",
        # Requests with the same key and prefix reach the same cache.
        prompt_cache_key="handbook",
        stream=True,
    )
    # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
    content_type = stream.response.headers.get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        body = stream.response.read().decode(errors="replace")
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
    usage = None
    for event in stream:
        if event.type == "response.output_text.delta":
            print(event.delta, end="", flush=True)
        elif event.type == "response.completed":
            usage = event.response.usage
    print()
    return usage


for number in (1, 2):
    usage = ask()
    details = usage.input_tokens_details
    cached = (details.cached_tokens or 0) if details else 0
    print(f"Request {number}: {cached} of {usage.input_tokens} input tokens read from the cache")

# pip install "anthropic>=0.49,<3"
import sys

from anthropic import AnthropicVertex

client = AnthropicVertex(
    # CloseAI's base URL for the Google Vertex AI API; the SDK appends /projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict.
    base_url="https://api.openai-proxy.org/google/v1",
    # The relay's key, sent as a Bearer token; given here, it keeps the SDK from looking up Google credentials.
    access_token="sk-golden-0123456789abcdef",
    # The relay ignores the project and region, but the SDK needs both to build the path.
    project_id="relay-project",
    region="us-east5",
)
# Pinned, so that every SDK version sends the same one (anthropic 2.x would send its own).
pinned = {"anthropic_version": "vertex-2023-10-16"}

# The conversation so far: the API keeps no history, so every request carries all of it.
messages = []
for question in ("Name one colour of the sky.", "And at sunset?"):
    messages.append({"role": "user", "content": question})
    with client.messages.stream(
        model="claude-sonnet-4@20250514", max_tokens=1024, messages=messages, extra_body=pinned
    ) as stream:
        # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
        content_type = stream.response.headers.get("content-type", "")
        if not content_type.startswith("text/event-stream"):
            body = stream.response.read().decode(errors="replace")
            sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
        for text in stream.text_stream:
            print(text, end="", flush=True)
        message = stream.get_final_message()
    print()
    # The answer goes back with the next question, unchanged (thinking blocks and signatures too).
    messages.append({"role": "assistant", "content": message.content})

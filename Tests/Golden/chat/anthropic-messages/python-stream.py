# pip install "anthropic>=0.49,<3"
import sys

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
    with client.messages.stream(model="claude-sonnet-4-20250514", max_tokens=1024, messages=messages) as stream:
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

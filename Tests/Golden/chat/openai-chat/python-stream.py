# pip install "openai>=1.98,<4"
import sys

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# The conversation so far: the API keeps no history, so every request carries all of it.
messages = []
for question in ("Name one colour of the sky.", "And at sunset?"):
    messages.append({"role": "user", "content": question})
    stream = client.chat.completions.create(model="gpt-4o", messages=messages, stream=True)
    # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
    content_type = stream.response.headers.get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        body = stream.response.read().decode(errors="replace")
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
    answer = ""
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            print(chunk.choices[0].delta.content, end="", flush=True)
            answer += chunk.choices[0].delta.content
    print()
    # The answer goes back with the next question, unchanged.
    messages.append({"role": "assistant", "content": answer})

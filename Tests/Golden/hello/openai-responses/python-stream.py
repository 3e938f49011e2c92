# pip install "openai>=1.98,<4"
import sys

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /responses.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

stream = client.responses.create(
    model="gpt-5.1",
    input="Say hi",
    stream=True,
)
# A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
content_type = stream.response.headers.get("content-type", "")
if not content_type.startswith("text/event-stream"):
    body = stream.response.read().decode(errors="replace")
    sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
for event in stream:
    if event.type == "response.output_text.delta":
        print(event.delta, end="", flush=True)
print()

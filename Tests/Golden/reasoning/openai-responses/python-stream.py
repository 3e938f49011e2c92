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
    input="Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence.",
    # How hard the model thinks (one of none, low, medium, high), and a summary of its reasoning.
    reasoning={"effort": "medium", "summary": "auto"},
    stream=True,
)
# A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
content_type = stream.response.headers.get("content-type", "")
if not content_type.startswith("text/event-stream"):
    body = stream.response.read().decode(errors="replace")
    sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
print("Reasoning: ", end="", flush=True)
answering = False
for event in stream:
    if event.type == "response.reasoning_summary_text.delta":
        print(event.delta, end="", flush=True)
    elif event.type == "response.output_text.delta":
        if not answering:
            print("\nAnswer: ", end="", flush=True)
            answering = True
        print(event.delta, end="", flush=True)
print()

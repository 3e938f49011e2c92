# pip install "anthropic>=0.49,<3"
import sys

from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

with client.messages.stream(
    model="claude-sonnet-4-20250514",
    max_tokens=3072,
    # Extended thinking: the model may reason for up to this many tokens before it answers.
    thinking={"type": "enabled", "budget_tokens": 2048},
    messages=[{"role": "user", "content": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}],
) as stream:
    # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
    content_type = stream.response.headers.get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        body = stream.response.read().decode(errors="replace")
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
    print("Reasoning: ", end="", flush=True)
    answering = False
    for event in stream:
        if event.type == "thinking":
            print(event.thinking, end="", flush=True)
        elif event.type == "text":
            if not answering:
                print("\nAnswer: ", end="", flush=True)
                answering = True
            print(event.text, end="", flush=True)
print()

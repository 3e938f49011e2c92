# pip install "openai>=1.98,<4"
import sys

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

stream = client.chat.completions.create(
    model="gpt-5.1",
    messages=[{"role": "user", "content": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}],
    # How hard the model thinks: one of none, low, medium, high.
    reasoning_effort="medium",
    stream=True,
    # The token counts come in one last chunk.
    stream_options={"include_usage": True},
)
# A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
content_type = stream.response.headers.get("content-type", "")
if not content_type.startswith("text/event-stream"):
    body = stream.response.read().decode(errors="replace")
    sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
print("Answer: ", end="", flush=True)
reasoning_tokens = 0
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="", flush=True)
    if chunk.usage and chunk.usage.completion_tokens_details:
        reasoning_tokens = chunk.usage.completion_tokens_details.reasoning_tokens or 0
print()
print(f"Reasoning: {reasoning_tokens} tokens (Chat Completions does not return the reasoning itself)")

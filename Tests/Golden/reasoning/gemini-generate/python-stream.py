# pip install "google-genai>=1.51,<4"
import sys

from google import genai
from google.genai import types

client = genai.Client(
    api_key="sk-golden-0123456789abcdef",
    http_options=types.HttpOptions(
        # CloseAI's base URL for the Google Gemini API; the SDK appends /v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse.
        base_url="https://api.openai-proxy.org/google",
        # Pinned, because google-genai 3.0 changed its default API version from v1beta to v1.
        api_version="v1beta",
    ),
)

config = types.GenerateContentConfig(
    thinking_config=types.ThinkingConfig(
        # Return a summary of the reasoning along with the answer.
        include_thoughts=True,
        # The model may reason for up to this many tokens before it answers.
        thinking_budget=2048,
    ),
)
print("Reasoning: ", end="", flush=True)
answering = False
for chunk in client.models.generate_content_stream(
    model="gemini-2.5-flash",
    contents="Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence.",
    config=config,
):
    # A relay that cannot stream answers with plain JSON, which the SDK would read as one chunk.
    content_type = (chunk.sdk_http_response.headers or {}).get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {chunk.model_dump_json()}")
    content = chunk.candidates[0].content if chunk.candidates else None
    for part in (content.parts or []) if content else []:
        if part.thought:
            print(part.text or "", end="", flush=True)
        elif part.text:
            if not answering:
                print("\nAnswer: ", end="", flush=True)
                answering = True
            print(part.text, end="", flush=True)
print()

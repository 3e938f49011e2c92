# pip install "google-genai>=1.51,<4"
import sys

from google import genai
from google.genai import types

# Vertex AI in express mode: the relay's key is the API key, so no Google project or credentials are needed.
client = genai.Client(
    vertexai=True,
    api_key="sk-golden-0123456789abcdef",
    http_options=types.HttpOptions(
        # CloseAI's base URL for the Google Vertex AI API; the SDK appends /v1beta1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse.
        base_url="https://api.openai-proxy.org/google",
        # Pinned, because google-genai's default API version in Vertex mode differs from its Gemini mode's.
        api_version="v1beta1",
    ),
)

for chunk in client.models.generate_content_stream(
    model="gemini-2.5-flash",
    contents="Say hi",
):
    # A relay that cannot stream answers with plain JSON, which the SDK would read as one chunk.
    content_type = (chunk.sdk_http_response.headers or {}).get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {chunk.model_dump_json()}")
    print(chunk.text or "", end="", flush=True)
print()

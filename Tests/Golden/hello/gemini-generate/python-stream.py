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

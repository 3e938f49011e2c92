# pip install "google-genai>=1.51,<4"
import mimetypes
import pathlib
import sys
import urllib.request

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

# The image: a file beside this script, or an http(s) URL.
IMAGE = "photo.png"
if IMAGE.startswith(("http://", "https://")):
    # Gemini takes only its own file URIs, so an image on the web is downloaded and sent inline.
    with urllib.request.urlopen(IMAGE) as download:
        data = download.read()
        mime_type = download.headers.get_content_type()
else:
    data = pathlib.Path(IMAGE).read_bytes()
    mime_type = mimetypes.guess_type(IMAGE)[0]
contents = [types.Part.from_bytes(data=data, mime_type=mime_type), "What is in this picture? Answer in one sentence."]

for chunk in client.models.generate_content_stream(model="gemini-2.5-flash", contents=contents):
    # A relay that cannot stream answers with plain JSON, which the SDK would read as one chunk.
    content_type = (chunk.sdk_http_response.headers or {}).get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {chunk.model_dump_json()}")
    print(chunk.text or "", end="", flush=True)
print()

# pip install "google-genai>=1.51,<4"
import mimetypes
import pathlib
import urllib.request

from google import genai
from google.genai import types

client = genai.Client(
    api_key="sk-golden-0123456789abcdef",
    http_options=types.HttpOptions(
        # CloseAI's base URL for the Google Gemini API; the SDK appends /v1beta/models/gemini-2.5-flash:generateContent.
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

response = client.models.generate_content(model="gemini-2.5-flash", contents=contents)
print(response.text)

# pip install "openai>=1.98,<4"
import base64
import mimetypes
import pathlib

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /responses.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# The image: a file beside this script, or an http(s) URL.
IMAGE = "photo.png"
if IMAGE.startswith(("http://", "https://")):
    url = IMAGE
else:
    # A file goes inline, as a data URL.
    data = base64.b64encode(pathlib.Path(IMAGE).read_bytes()).decode()
    url = f"data:{mimetypes.guess_type(IMAGE)[0]};base64,{data}"
items = [
    {
        "role": "user",
        "content": [
            {"type": "input_text", "text": "What is in this picture? Answer in one sentence."},
            {"type": "input_image", "image_url": url, "detail": "auto"},
        ],
    }
]

response = client.responses.create(model="gpt-5.1", input=items)
print(response.output_text)

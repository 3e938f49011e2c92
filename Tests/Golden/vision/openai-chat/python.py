# pip install "openai>=1.98,<4"
import base64
import mimetypes
import pathlib

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
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
messages = [
    {
        "role": "user",
        "content": [
            {"type": "text", "text": "What is in this picture? Answer in one sentence."},
            {"type": "image_url", "image_url": {"url": url}},
        ],
    }
]

completion = client.chat.completions.create(model="gpt-4o", messages=messages)
print(completion.choices[0].message.content)

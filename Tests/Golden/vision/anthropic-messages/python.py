# pip install "anthropic>=0.49,<3"
import base64
import mimetypes
import pathlib

from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

# The image: a file beside this script, or an http(s) URL.
IMAGE = "photo.png"
if IMAGE.startswith(("http://", "https://")):
    source = {"type": "url", "url": IMAGE}
else:
    data = base64.b64encode(pathlib.Path(IMAGE).read_bytes()).decode()
    source = {"type": "base64", "media_type": mimetypes.guess_type(IMAGE)[0], "data": data}
messages = [
    {
        "role": "user",
        "content": [{"type": "image", "source": source}, {"type": "text", "text": "What is in this picture? Answer in one sentence."}],
    }
]

message = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=1024, messages=messages)
print("".join(block.text for block in message.content if block.type == "text"))

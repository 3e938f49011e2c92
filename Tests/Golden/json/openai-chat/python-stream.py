# pip install "openai>=1.98,<4"
import json
import sys

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# The JSON schema the answer must follow.
SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "temperature_c": {"type": "integer"},
        "conditions": {"type": "string"},
    },
    "required": ["city", "temperature_c", "conditions"],
    "additionalProperties": False,
}
messages = [{"role": "user", "content": "Give today's weather in Paris."}]
response_format = {"type": "json_schema", "json_schema": {"name": "weather", "schema": SCHEMA, "strict": True}}

stream = client.chat.completions.create(
    model="gpt-4o", messages=messages, response_format=response_format, stream=True
)
# A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
content_type = stream.response.headers.get("content-type", "")
if not content_type.startswith("text/event-stream"):
    body = stream.response.read().decode(errors="replace")
    sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
text = ""
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        text += chunk.choices[0].delta.content
weather = json.loads(text)
for field in SCHEMA["properties"]:
    print(f"{field}: {weather[field]}")

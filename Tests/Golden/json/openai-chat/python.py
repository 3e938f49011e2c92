# pip install "openai>=1.98,<4"
import json

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

completion = client.chat.completions.create(
    model="gpt-4o", messages=messages, response_format=response_format
)
text = completion.choices[0].message.content
weather = json.loads(text)
for field in SCHEMA["properties"]:
    print(f"{field}: {weather[field]}")

# pip install "openai>=1.98,<4"
import json

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /responses.
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
text_format = {"format": {"type": "json_schema", "name": "weather", "schema": SCHEMA, "strict": True}}

response = client.responses.create(model="gpt-5.1", input="Give today's weather in Paris.", text=text_format)
text = response.output_text
weather = json.loads(text)
for field in SCHEMA["properties"]:
    print(f"{field}: {weather[field]}")

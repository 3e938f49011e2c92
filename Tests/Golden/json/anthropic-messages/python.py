# pip install "anthropic>=0.49,<3"
import json

from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
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
# Structured output: the answer follows the schema. (Passed through extra_body so SDK releases
# older than the output_config parameter send it too.)
output_config = {"format": {"type": "json_schema", "schema": SCHEMA}}

message = client.messages.create(
    model="claude-sonnet-4-20250514",
    max_tokens=1024,
    messages=[{"role": "user", "content": "Give today's weather in Paris."}],
    extra_body={"output_config": output_config},
)
text = "".join(block.text for block in message.content if block.type == "text")
weather = json.loads(text)
for field in SCHEMA["properties"]:
    print(f"{field}: {weather[field]}")

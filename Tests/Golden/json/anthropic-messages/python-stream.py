# pip install "anthropic>=0.49,<3"
import json
import sys

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

with client.messages.stream(
    model="claude-sonnet-4-20250514",
    max_tokens=1024,
    messages=[{"role": "user", "content": "Give today's weather in Paris."}],
    extra_body={"output_config": output_config},
) as stream:
    # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
    content_type = stream.response.headers.get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        body = stream.response.read().decode(errors="replace")
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
    text = "".join(stream.text_stream)
weather = json.loads(text)
for field in SCHEMA["properties"]:
    print(f"{field}: {weather[field]}")

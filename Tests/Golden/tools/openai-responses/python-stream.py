# pip install "openai>=1.98,<4"
import json
import sys

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /responses.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# One function tool, described by a JSON schema of its arguments.
TOOLS = [
    {
        "type": "function",
        "name": "get_weather",
        "description": "The current weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string", "description": "The city, such as Paris."}},
            "required": ["city"],
            "additionalProperties": False,
        },
        "strict": True,
    }
]


def get_weather(city):
    """The tool the model may call: a stand-in for a real weather service."""
    return {"city": city, "temperature_c": 21, "conditions": "sunny"}


def ask(items):
    """Sends the conversation; returns the items the model answered with."""
    stream = client.responses.create(model="gpt-5.1", input=items, tools=TOOLS, stream=True)
    # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
    content_type = stream.response.headers.get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        body = stream.response.read().decode(errors="replace")
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
    output, text = [], False
    for event in stream:
        if event.type == "response.output_text.delta":
            print(event.delta, end="", flush=True)
            text = True
        elif event.type == "response.output_item.done":
            output.append(event.item)
    if text:
        print()
    return output


items = [{"role": "user", "content": "What is the weather in Paris right now?"}]
output = ask(items)
items += output  # the model's items go back unchanged
for item in output:
    if item.type == "function_call":
        arguments = json.loads(item.arguments)
        print(f"Tool call: {item.name}(city={arguments['city']})")
        result = get_weather(**arguments)
        items.append({"type": "function_call_output", "call_id": item.call_id, "output": json.dumps(result)})
ask(items)

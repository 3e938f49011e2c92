# pip install "openai>=1.98,<4"
import json

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
    response = client.responses.create(model="gpt-5.1", input=items, tools=TOOLS)
    if response.output_text:
        print(response.output_text)
    return response.output


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

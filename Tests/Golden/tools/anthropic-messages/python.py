# pip install "anthropic>=0.49,<3"
import json

from anthropic import Anthropic

client = Anthropic(
    # CloseAI's base URL for the Anthropic API; the SDK appends /v1/messages.
    base_url="https://api.openai-proxy.org/anthropic",
    api_key="sk-golden-0123456789abcdef",
)

# One function tool, described by a JSON schema of its input.
TOOLS = [
    {
        "name": "get_weather",
        "description": "The current weather in a city.",
        "input_schema": {
            "type": "object",
            "properties": {"city": {"type": "string", "description": "The city, such as Paris."}},
            "required": ["city"],
        },
    }
]


def get_weather(city):
    """The tool the model may call: a stand-in for a real weather service."""
    return {"city": city, "temperature_c": 21, "conditions": "sunny"}


def ask(messages):
    """Sends the conversation; returns the model's content blocks."""
    message = client.messages.create(model="claude-sonnet-4-20250514", max_tokens=1024, tools=TOOLS, messages=messages)
    text = "".join(block.text for block in message.content if block.type == "text")
    if text:
        print(text)
    return message.content


messages = [{"role": "user", "content": "What is the weather in Paris right now?"}]
content = ask(messages)
messages.append({"role": "assistant", "content": content})  # the model's turn goes back unchanged
results = []
for block in content:
    if block.type == "tool_use":
        print(f"Tool call: {block.name}(city={block.input['city']})")
        result = get_weather(**block.input)
        results.append({"type": "tool_result", "tool_use_id": block.id, "content": json.dumps(result)})
messages.append({"role": "user", "content": results})
ask(messages)

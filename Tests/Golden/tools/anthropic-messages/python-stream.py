# pip install "anthropic>=0.49,<3"
import json
import sys

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
    with client.messages.stream(
        model="claude-sonnet-4-20250514", max_tokens=1024, tools=TOOLS, messages=messages
    ) as stream:
        # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
        content_type = stream.response.headers.get("content-type", "")
        if not content_type.startswith("text/event-stream"):
            body = stream.response.read().decode(errors="replace")
            sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
        text = False
        for piece in stream.text_stream:
            print(piece, end="", flush=True)
            text = True
        if text:
            print()
        return stream.get_final_message().content


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

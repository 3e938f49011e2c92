# pip install "openai>=1.98,<4"
import json
import sys

from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# One function tool, described by a JSON schema of its arguments.
TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "The current weather in a city.",
            "parameters": {
                "type": "object",
                "properties": {"city": {"type": "string", "description": "The city, such as Paris."}},
                "required": ["city"],
                "additionalProperties": False,
            },
            "strict": True,
        },
    }
]


def get_weather(city):
    """The tool the model may call: a stand-in for a real weather service."""
    return {"city": city, "temperature_c": 21, "conditions": "sunny"}


def ask(messages):
    """Sends the conversation; returns the model's turn as a message to send back."""
    stream = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS, stream=True)
    # A relay that cannot stream answers with plain JSON, which the SDK would read as no events.
    content_type = stream.response.headers.get("content-type", "")
    if not content_type.startswith("text/event-stream"):
        body = stream.response.read().decode(errors="replace")
        sys.exit(f"error: expected an event stream, got {content_type or 'no Content-Type'}: {body}")
    text, calls = "", {}
    for chunk in stream:
        if not chunk.choices:
            continue
        delta = chunk.choices[0].delta
        if delta.content:
            print(delta.content, end="", flush=True)
            text += delta.content
        # A call arrives in pieces: its id and name first, then its arguments bit by bit.
        for piece in delta.tool_calls or []:
            call = calls.setdefault(piece.index, {"id": "", "type": "function", "function": {"name": "", "arguments": ""}})
            call["id"] = piece.id or call["id"]
            if piece.function:
                call["function"]["name"] += piece.function.name or ""
                call["function"]["arguments"] += piece.function.arguments or ""
    if text:
        print()
    message = {"role": "assistant", "content": text or None}
    if calls:
        message["tool_calls"] = [calls[index] for index in sorted(calls)]
    return message


messages = [{"role": "user", "content": "What is the weather in Paris right now?"}]
reply = ask(messages)
messages.append(reply)  # the model's turn goes back unchanged
for call in reply.get("tool_calls", []):
    arguments = json.loads(call["function"]["arguments"])
    print(f"Tool call: {call['function']['name']}(city={arguments['city']})")
    result = get_weather(**arguments)
    messages.append({"role": "tool", "tool_call_id": call["id"], "content": json.dumps(result)})
ask(messages)

# pip install "openai>=1.98,<4"
import json

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
    completion = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS)
    message = completion.choices[0].message
    if message.content:
        print(message.content)
    return message.model_dump(exclude_none=True)


messages = [{"role": "user", "content": "What is the weather in Paris right now?"}]
reply = ask(messages)
messages.append(reply)  # the model's turn goes back unchanged
for call in reply.get("tool_calls", []):
    arguments = json.loads(call["function"]["arguments"])
    print(f"Tool call: {call['function']['name']}(city={arguments['city']})")
    result = get_weather(**arguments)
    messages.append({"role": "tool", "tool_call_id": call["id"], "content": json.dumps(result)})
ask(messages)

# pip install "google-genai>=1.51,<4"
from google import genai
from google.genai import types

client = genai.Client(
    api_key="sk-golden-0123456789abcdef",
    http_options=types.HttpOptions(
        # CloseAI's base URL for the Google Gemini API; the SDK appends /v1beta/models/gemini-2.5-flash:generateContent.
        base_url="https://api.openai-proxy.org/google",
        # Pinned, because google-genai 3.0 changed its default API version from v1beta to v1.
        api_version="v1beta",
    ),
)

# One function tool, described by a schema of its arguments.
get_weather_declaration = types.FunctionDeclaration(
    name="get_weather",
    description="The current weather in a city.",
    parameters=types.Schema(
        type="OBJECT",
        properties={"city": types.Schema(type="STRING", description="The city, such as Paris.")},
        required=["city"],
    ),
)
config = types.GenerateContentConfig(tools=[types.Tool(function_declarations=[get_weather_declaration])])


def get_weather(city):
    """The tool the model may call: a stand-in for a real weather service."""
    return {"city": city, "temperature_c": 21, "conditions": "sunny"}


def ask(contents):
    """Sends the conversation; returns the model's turn (with its thought signatures) to send back."""
    response = client.models.generate_content(model="gemini-2.5-flash", contents=contents, config=config)
    content = response.candidates[0].content
    text = "".join(part.text for part in content.parts or [] if part.text and not part.thought)
    if text:
        print(text)
    return content


contents = [types.Content(role="user", parts=[types.Part(text="What is the weather in Paris right now?")])]
content = ask(contents)
contents.append(content)  # the model's turn goes back unchanged, thought signatures included
for part in content.parts or []:
    if part.function_call:
        call = part.function_call
        print(f"Tool call: {call.name}(city={call.args['city']})")
        result = get_weather(**call.args)
        contents.append(
            types.Content(role="user", parts=[types.Part.from_function_response(name=call.name, response=result)])
        )
ask(contents)

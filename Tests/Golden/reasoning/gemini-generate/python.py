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

config = types.GenerateContentConfig(
    thinking_config=types.ThinkingConfig(
        # Return a summary of the reasoning along with the answer.
        include_thoughts=True,
        # The model may reason for up to this many tokens before it answers.
        thinking_budget=2048,
    ),
)
response = client.models.generate_content(
    model="gemini-2.5-flash",
    contents="Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence.",
    config=config,
)
parts = response.candidates[0].content.parts
print("Reasoning:", "".join(part.text for part in parts if part.thought and part.text))
print("Answer:", "".join(part.text for part in parts if not part.thought and part.text))

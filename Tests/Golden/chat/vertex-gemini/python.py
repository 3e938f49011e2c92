# pip install "google-genai>=1.51,<4"
from google import genai
from google.genai import types

# Vertex AI in express mode: the relay's key is the API key, so no Google project or credentials are needed.
client = genai.Client(
    vertexai=True,
    api_key="sk-golden-0123456789abcdef",
    http_options=types.HttpOptions(
        # CloseAI's base URL for the Google Vertex AI API; the SDK appends /v1beta1/publishers/google/models/gemini-2.5-flash:generateContent.
        base_url="https://api.openai-proxy.org/google",
        # Pinned, because google-genai's default API version in Vertex mode differs from its Gemini mode's.
        api_version="v1beta1",
    ),
)

# The conversation so far: the API keeps no history, so every request carries all of it.
contents = []
for question in ("Name one colour of the sky.", "And at sunset?"):
    contents.append(types.Content(role="user", parts=[types.Part(text=question)]))
    response = client.models.generate_content(model="gemini-2.5-flash", contents=contents)
    print(response.text)
    answer = response.candidates[0].content
    # The answer goes back with the next question, unchanged (thought signatures too).
    contents.append(answer)

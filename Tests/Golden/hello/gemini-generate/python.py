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

response = client.models.generate_content(
    model="gemini-2.5-flash",
    contents="Say hi",
)
print(response.text)

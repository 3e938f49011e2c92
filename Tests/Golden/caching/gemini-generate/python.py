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

# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
HANDBOOK = "\n".join(f"Rule {n}: every request through the relay is billed by its tokens." for n in range(1, 201))
# Gemini caches a long shared prefix on its own (implicit caching).
config = types.GenerateContentConfig(system_instruction=HANDBOOK)


def ask():
    """Asks about the handbook; returns the usage the API reports."""
    response = client.models.generate_content(
        model="gemini-2.5-flash",
        contents="In one sentence, what is this handbook about?",
        config=config,
    )
    print(response.text)
    return response.usage_metadata


for number in (1, 2):
    usage = ask()
    cached = usage.cached_content_token_count or 0
    print(f"Request {number}: {cached} of {usage.prompt_token_count} input tokens read from the cache")

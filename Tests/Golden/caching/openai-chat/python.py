# pip install "openai>=1.98,<4"
from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
HANDBOOK = "\n".join(f"Rule {n}: every request through the relay is billed by its tokens." for n in range(1, 201))


def ask():
    """Asks about the handbook; returns the usage the API reports."""
    completion = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": HANDBOOK},
            {"role": "user", "content": "In one sentence, what is this handbook about?"},
        ],
        # Requests with the same key and prefix reach the same cache.
        prompt_cache_key="handbook",
    )
    print(completion.choices[0].message.content)
    return completion.usage


for number in (1, 2):
    usage = ask()
    details = usage.prompt_tokens_details
    cached = (details.cached_tokens or 0) if details else 0
    print(f"Request {number}: {cached} of {usage.prompt_tokens} input tokens read from the cache")

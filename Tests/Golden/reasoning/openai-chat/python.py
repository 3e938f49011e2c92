# pip install "openai>=1.98,<4"
from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

completion = client.chat.completions.create(
    model="gpt-5.1",
    messages=[{"role": "user", "content": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}],
    # How hard the model thinks: one of none, low, medium, high.
    reasoning_effort="medium",
)
print("Answer:", completion.choices[0].message.content)
details = completion.usage.completion_tokens_details
reasoning_tokens = details.reasoning_tokens if details else 0
print(f"Reasoning: {reasoning_tokens} tokens (Chat Completions does not return the reasoning itself)")

# pip install "openai>=1.98,<4"
from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /chat/completions.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# The conversation so far: the API keeps no history, so every request carries all of it.
messages = []
for question in ("Name one colour of the sky.", "And at sunset?"):
    messages.append({"role": "user", "content": question})
    completion = client.chat.completions.create(model="gpt-4o", messages=messages)
    answer = completion.choices[0].message.content
    print(answer)
    # The answer goes back with the next question, unchanged.
    messages.append({"role": "assistant", "content": answer})

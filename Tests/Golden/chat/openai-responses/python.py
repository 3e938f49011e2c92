# pip install "openai>=1.98,<4"
from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /responses.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

# The conversation so far, sent whole with every request (store=False keeps nothing on the server).
items = []
for question in ("Name one colour of the sky.", "And at sunset?"):
    items.append({"role": "user", "content": question})
    response = client.responses.create(model="gpt-5.1", input=items, store=False)
    print(response.output_text)
    output = response.output
    # The model's items go back with the next question, unchanged.
    items += output

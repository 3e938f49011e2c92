# pip install "openai>=1.98,<4"
from openai import OpenAI

client = OpenAI(
    # CloseAI's base URL for the OpenAI API; the SDK appends /responses.
    base_url="https://api.openai-proxy.org/v1",
    api_key="sk-golden-0123456789abcdef",
)

response = client.responses.create(
    model="gpt-5.1",
    input="Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence.",
    # How hard the model thinks (one of none, low, medium, high), and a summary of its reasoning.
    reasoning={"effort": "medium", "summary": "auto"},
)
summary = "".join(part.text for item in response.output if item.type == "reasoning" for part in item.summary)
print("Reasoning:", summary)
print("Answer:", response.output_text)

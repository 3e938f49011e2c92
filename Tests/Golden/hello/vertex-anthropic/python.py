# pip install "anthropic>=0.49,<3"
from anthropic import AnthropicVertex

client = AnthropicVertex(
    # CloseAI's base URL for the Google Vertex AI API; the SDK appends /projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict.
    base_url="https://api.openai-proxy.org/google/v1",
    # The relay's key, sent as a Bearer token; given here, it keeps the SDK from looking up Google credentials.
    access_token="sk-golden-0123456789abcdef",
    # The relay ignores the project and region, but the SDK needs both to build the path.
    project_id="relay-project",
    region="us-east5",
)

message = client.messages.create(
    model="claude-sonnet-4@20250514",
    max_tokens=1024,
    messages=[{"role": "user", "content": "Say hi"}],
    # Pinned, so that every SDK version sends the same one (anthropic 2.x would send its own).
    extra_body={"anthropic_version": "vertex-2023-10-16"},
)
print("".join(block.text for block in message.content if block.type == "text"))

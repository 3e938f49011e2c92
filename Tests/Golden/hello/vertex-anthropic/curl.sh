curl -sS --fail-with-body https://api.openai-proxy.org/google/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "anthropic_version": "vertex-2023-10-16",
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "Say hi"}]
  }'

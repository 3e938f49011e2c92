curl -sS --fail-with-body https://api.openai-proxy.org/v1/responses \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-5.1",
    "input": "Say hi"
  }'

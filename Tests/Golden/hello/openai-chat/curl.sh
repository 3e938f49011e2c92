curl -sS --fail-with-body https://api.openai-proxy.org/v1/chat/completions \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-4o",
    "messages": [{"role": "user", "content": "Say hi"}]
  }'

curl -sS --fail-with-body https://api.openai-proxy.org/v1/responses \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-5.1",
    "reasoning": {"effort": "medium", "summary": "auto"},
    "input": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."
  }'

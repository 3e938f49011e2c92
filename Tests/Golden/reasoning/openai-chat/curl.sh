curl -sS --fail-with-body https://api.openai-proxy.org/v1/chat/completions \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-5.1",
    "reasoning_effort": "medium",
    "messages": [{"role": "user", "content": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}]
  }'

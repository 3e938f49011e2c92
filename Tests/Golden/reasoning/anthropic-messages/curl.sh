curl -sS --fail-with-body https://api.openai-proxy.org/anthropic/v1/messages \
  -H 'Content-Type: application/json' \
  -H 'x-api-key: sk-golden-0123456789abcdef' \
  -H 'anthropic-version: 2023-06-01' \
  -d '{
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 3072,
    "thinking": {"type": "enabled", "budget_tokens": 2048},
    "messages": [{"role": "user", "content": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}]
  }'

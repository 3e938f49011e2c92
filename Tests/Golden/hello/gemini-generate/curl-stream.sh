curl -sS -N 'https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse' \
  -H 'Content-Type: application/json' \
  -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
  -d '{
    "contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]
  }'

curl -sS --fail-with-body https://api.openai-proxy.org/google/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent \
  -H 'Content-Type: application/json' \
  -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
  -d '{
    "contents": [{"role": "user", "parts": [{"text": "Say hi"}]}]
  }'

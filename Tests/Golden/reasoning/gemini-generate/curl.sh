curl -sS --fail-with-body https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent \
  -H 'Content-Type: application/json' \
  -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
  -d '{
    "contents": [{"role": "user", "parts": [{"text": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}]}],
    "generationConfig": {
      "thinkingConfig": {"includeThoughts": true, "thinkingBudget": 2048}
    }
  }'

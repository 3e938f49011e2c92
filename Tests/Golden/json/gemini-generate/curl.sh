curl -sS --fail-with-body https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent \
  -H 'Content-Type: application/json' \
  -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
  -d '{
    "contents": [{"role": "user", "parts": [{"text": "Give today'\''s weather in Paris."}]}],
    "generationConfig": {
      "responseMimeType": "application/json",
      "responseJsonSchema": {
        "type": "object",
        "properties": {
          "city": {"type": "string"},
          "temperature_c": {"type": "integer"},
          "conditions": {"type": "string"}
        },
        "required": ["city", "temperature_c", "conditions"]
      }
    }
  }'

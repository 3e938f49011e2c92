curl -sS --fail-with-body https://api.openai-proxy.org/v1/chat/completions \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-4o",
    "messages": [{"role": "user", "content": "Give today'\''s weather in Paris."}],
    "response_format": {
      "type": "json_schema",
      "json_schema": {
        "name": "weather",
        "strict": true,
        "schema": {
          "type": "object",
          "properties": {
            "city": {"type": "string"},
            "temperature_c": {"type": "integer"},
            "conditions": {"type": "string"}
          },
          "required": ["city", "temperature_c", "conditions"],
          "additionalProperties": false
        }
      }
    }
  }'

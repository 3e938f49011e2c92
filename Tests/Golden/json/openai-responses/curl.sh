curl -sS --fail-with-body https://api.openai-proxy.org/v1/responses \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-5.1",
    "input": "Give today'\''s weather in Paris.",
    "text": {
      "format": {
        "type": "json_schema",
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

curl -sS --fail-with-body https://api.openai-proxy.org/anthropic/v1/messages \
  -H 'Content-Type: application/json' \
  -H 'x-api-key: sk-golden-0123456789abcdef' \
  -H 'anthropic-version: 2023-06-01' \
  -d '{
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "Give today'\''s weather in Paris."}],
    "output_config": {
      "format": {
        "type": "json_schema",
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

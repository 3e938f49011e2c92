# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
set -o pipefail
curl -sS --fail-with-body -N https://api.openai-proxy.org/v1/chat/completions \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-4o",
    "stream": true,
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
  }' |
  awk '/^data:/ { events = 1 } { print; fflush() }
    END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'

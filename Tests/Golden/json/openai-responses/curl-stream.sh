# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
set -o pipefail
curl -sS --fail-with-body -N https://api.openai-proxy.org/v1/responses \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-5.1",
    "stream": true,
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
  }' |
  awk '/^data:/ { events = 1 } { print; fflush() }
    END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'

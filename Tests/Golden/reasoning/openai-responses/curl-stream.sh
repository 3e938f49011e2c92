# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
set -o pipefail
curl -sS --fail-with-body -N https://api.openai-proxy.org/v1/responses \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "model": "gpt-5.1",
    "stream": true,
    "reasoning": {"effort": "medium", "summary": "auto"},
    "input": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."
  }' |
  awk '/^data:/ { events = 1 } { print; fflush() }
    END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'

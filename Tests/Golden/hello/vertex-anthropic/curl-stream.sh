# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
set -o pipefail
curl -sS --fail-with-body -N https://api.openai-proxy.org/google/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict \
  -H 'Content-Type: application/json' \
  -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
  -d '{
    "anthropic_version": "vertex-2023-10-16",
    "max_tokens": 1024,
    "stream": true,
    "messages": [{"role": "user", "content": "Say hi"}]
  }' |
  awk '/^data:/ { events = 1 } { print; fflush() }
    END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'

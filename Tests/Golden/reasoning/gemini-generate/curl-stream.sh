# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
set -o pipefail
curl -sS --fail-with-body -N 'https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse' \
  -H 'Content-Type: application/json' \
  -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
  -d '{
    "contents": [{"role": "user", "parts": [{"text": "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."}]}],
    "generationConfig": {
      "thinkingConfig": {"includeThoughts": true, "thinkingBudget": 2048}
    }
  }' |
  awk '/^data:/ { events = 1 } { print; fflush() }
    END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'

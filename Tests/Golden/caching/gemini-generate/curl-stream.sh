# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
set -o pipefail
# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
handbook=$(for n in $(seq 1 200); do echo "Rule $n: every request through the relay is billed by its tokens."; done)
# Gemini caches a long shared prefix on its own; usageMetadata.cachedContentTokenCount shows it.
body=$(jq -n --arg handbook "$handbook" --argjson model '"gemini-2.5-flash"' --argjson prompt '"In one sentence, what is this handbook about?"' \
  '{systemInstruction: {parts: [{text: $handbook}]}, contents: [{role: "user", parts: [{text: $prompt}]}]}')

ask() {
  curl -sS --fail-with-body -N 'https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse' \
    -H 'Content-Type: application/json' \
    -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
    -d "$body" |
    awk '/^data:/ { events = 1 } { print; fflush() }
      END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'
}

ask || exit
echo
ask

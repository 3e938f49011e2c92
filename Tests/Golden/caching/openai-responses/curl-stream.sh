# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
set -o pipefail
# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
handbook=$(for n in $(seq 1 200); do echo "Rule $n: every request through the relay is billed by its tokens."; done)
# Requests with the same prompt_cache_key and prefix reach the same cache; the usage of each answer
# shows input_tokens_details.cached_tokens.
body=$(jq -n --arg handbook "$handbook" --argjson model '"gpt-5.1"' --argjson prompt '"In one sentence, what is this handbook about?"' \
  '{model: $model, prompt_cache_key: "handbook", stream: true, instructions: $handbook, input: $prompt}')

ask() {
  curl -sS --fail-with-body -N https://api.openai-proxy.org/v1/responses \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    -d "$body" |
    awk '/^data:/ { events = 1 } { print; fflush() }
      END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'
}

ask || exit
echo
ask

# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
handbook=$(for n in $(seq 1 200); do echo "Rule $n: every request through the relay is billed by its tokens."; done)
# cache_control marks the end of the prefix to cache; later requests that start with it read it
# from the cache. The usage of each answer shows cache_creation_input_tokens and cache_read_input_tokens.
body=$(jq -n --arg handbook "$handbook" --argjson model '"claude-sonnet-4-20250514"' --argjson prompt '"In one sentence, what is this handbook about?"' \
  '{model: $model, max_tokens: 1024, system: [{type: "text", text: $handbook, cache_control: {type: "ephemeral"}}], messages: [{role: "user", content: $prompt}]}')

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/anthropic/v1/messages \
    -H 'Content-Type: application/json' \
    -H 'x-api-key: sk-golden-0123456789abcdef' \
    -H 'anthropic-version: 2023-06-01' \
    -d "$body"
}

ask || exit
echo
ask

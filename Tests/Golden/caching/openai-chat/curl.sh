# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
handbook=$(for n in $(seq 1 200); do echo "Rule $n: every request through the relay is billed by its tokens."; done)
# Requests with the same prompt_cache_key and prefix reach the same cache; the usage of each answer
# shows prompt_tokens_details.cached_tokens.
body=$(jq -n --arg handbook "$handbook" --argjson model '"gpt-4o"' --argjson prompt '"In one sentence, what is this handbook about?"' \
  '{model: $model, prompt_cache_key: "handbook", messages: [{role: "system", content: $handbook}, {role: "user", content: $prompt}]}')

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/v1/chat/completions \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    -d "$body"
}

ask || exit
echo
ask

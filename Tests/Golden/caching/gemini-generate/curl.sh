# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
handbook=$(for n in $(seq 1 200); do echo "Rule $n: every request through the relay is billed by its tokens."; done)
# Gemini caches a long shared prefix on its own; usageMetadata.cachedContentTokenCount shows it.
body=$(jq -n --arg handbook "$handbook" --argjson model '"gemini-2.5-flash"' --argjson prompt '"In one sentence, what is this handbook about?"' \
  '{systemInstruction: {parts: [{text: $handbook}]}, contents: [{role: "user", parts: [{text: $prompt}]}]}')

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent \
    -H 'Content-Type: application/json' \
    -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
    -d "$body"
}

ask || exit
echo
ask

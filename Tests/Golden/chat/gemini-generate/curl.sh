# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
prompt='"Name one colour of the sky."'
follow_up='"And at sunset?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent \
    -H 'Content-Type: application/json' \
    -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
    -d "$1"
}

# The API keeps no history: the second request carries the first answer back, unchanged.
request=$(jq -n --argjson prompt "$prompt" '{contents: [{role: "user", parts: [{text: $prompt}]}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"
request=$(jq -n --argjson prompt "$prompt" --argjson follow_up "$follow_up" --argjson first "$first" \
  '{contents: [
    {role: "user", parts: [{text: $prompt}]},
    $first.candidates[0].content,
    {role: "user", parts: [{text: $follow_up}]}
  ]}')
ask "$request"

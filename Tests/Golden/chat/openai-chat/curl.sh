# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
model='"gpt-4o"'
prompt='"Name one colour of the sky."'
follow_up='"And at sunset?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/v1/chat/completions \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    -d "$1"
}

# The API keeps no history: the second request carries the first answer back, unchanged.
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" \
  '{model: $model, messages: [{role: "user", content: $prompt}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" --argjson follow_up "$follow_up" \
  --argjson first "$first" \
  '{model: $model, messages: [
    {role: "user", content: $prompt},
    $first.choices[0].message,
    {role: "user", content: $follow_up}
  ]}')
ask "$request"

# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
model='"gpt-5.1"'
prompt='"Name one colour of the sky."'
follow_up='"And at sunset?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/v1/responses \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    -d "$1"
}

# With store: false the server keeps nothing: the second request carries the first answer back.
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" \
  '{model: $model, store: false, input: [{role: "user", content: $prompt}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" --argjson follow_up "$follow_up" \
  --argjson first "$first" \
  '{model: $model, store: false, input: (
    [{role: "user", content: $prompt}] + $first.output + [{role: "user", content: $follow_up}]
  )}')
ask "$request"

# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
model='"claude-sonnet-4-20250514"'
prompt='"Name one colour of the sky."'
follow_up='"And at sunset?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/anthropic/v1/messages \
    -H 'Content-Type: application/json' \
    -H 'x-api-key: sk-golden-0123456789abcdef' \
    -H 'anthropic-version: 2023-06-01' \
    -d "$1"
}

# The API keeps no history: the second request carries the first answer back, unchanged.
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" \
  '{model: $model, max_tokens: 1024, messages: [{role: "user", content: $prompt}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" --argjson follow_up "$follow_up" \
  --argjson first "$first" \
  '{model: $model, max_tokens: 1024, messages: [
    {role: "user", content: $prompt},
    {role: "assistant", content: $first.content},
    {role: "user", content: $follow_up}
  ]}')
ask "$request"

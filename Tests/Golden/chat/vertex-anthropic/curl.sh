# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
version='"vertex-2023-10-16"'
prompt='"Name one colour of the sky."'
follow_up='"And at sunset?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/google/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    -d "$1"
}

# The API keeps no history: the second request carries the first answer back, unchanged.
# Vertex takes the model in the URL only, and the API version in the body.
request=$(jq -n --argjson version "$version" --argjson prompt "$prompt" \
  '{anthropic_version: $version, max_tokens: 1024, messages: [{role: "user", content: $prompt}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"
request=$(jq -n --argjson version "$version" --argjson prompt "$prompt" --argjson follow_up "$follow_up" \
  --argjson first "$first" \
  '{anthropic_version: $version, max_tokens: 1024, messages: [
    {role: "user", content: $prompt},
    {role: "assistant", content: $first.content},
    {role: "user", content: $follow_up}
  ]}')
ask "$request"

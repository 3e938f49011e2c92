# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# The tool the model may call: a stand-in for a real weather service.
get_weather() {
  jq -cn --arg city "$1" '{city: $city, temperature_c: 21, conditions: "sunny"}'
}

# One function tool, described by a JSON schema of its input.
tools='[{
  "name": "get_weather",
  "description": "The current weather in a city.",
  "input_schema": {
    "type": "object",
    "properties": {"city": {"type": "string", "description": "The city, such as Paris."}},
    "required": ["city"]
  }
}]'
model='"claude-sonnet-4-20250514"'
prompt='"What is the weather in Paris right now?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/anthropic/v1/messages \
    -H 'Content-Type: application/json' \
    -H 'x-api-key: sk-golden-0123456789abcdef' \
    -H 'anthropic-version: 2023-06-01' \
    -d "$1"
}

# The first request: the model answers with a tool_use block.
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" --argjson tools "$tools" \
  '{model: $model, max_tokens: 1024, tools: $tools, messages: [{role: "user", content: $prompt}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"

# The second request: the conversation with the model's turn, unchanged, and the tool's result.
call=$(jq -c '[.content[] | select(.type == "tool_use")][0]' <<<"$first")
result=$(get_weather "$(jq -r '.input.city' <<<"$call")")
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" --argjson tools "$tools" \
  --argjson first "$first" --argjson call "$call" --arg result "$result" \
  '{model: $model, max_tokens: 1024, tools: $tools, messages: [
    {role: "user", content: $prompt},
    {role: "assistant", content: $first.content},
    {role: "user", content: [{type: "tool_result", tool_use_id: $call.id, content: $result}]}
  ]}')
ask "$request"

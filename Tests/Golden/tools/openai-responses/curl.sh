# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# The tool the model may call: a stand-in for a real weather service.
get_weather() {
  jq -cn --arg city "$1" '{city: $city, temperature_c: 21, conditions: "sunny"}'
}

# One function tool, described by a JSON schema of its arguments.
tools='[{
  "type": "function",
  "name": "get_weather",
  "description": "The current weather in a city.",
  "parameters": {
    "type": "object",
    "properties": {"city": {"type": "string", "description": "The city, such as Paris."}},
    "required": ["city"],
    "additionalProperties": false
  },
  "strict": true
}]'
model='"gpt-5.1"'
prompt='"What is the weather in Paris right now?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/v1/responses \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    -d "$1"
}

# The first request: the model answers with a call of get_weather.
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" --argjson tools "$tools" \
  '{model: $model, tools: $tools, input: [{role: "user", content: $prompt}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"

# The second request: the conversation with the model's items, unchanged, and the tool's result.
call=$(jq -c '[.output[] | select(.type == "function_call")][0]' <<<"$first")
result=$(get_weather "$(jq -r '.arguments | fromjson | .city' <<<"$call")")
request=$(jq -n --argjson model "$model" --argjson prompt "$prompt" --argjson tools "$tools" \
  --argjson first "$first" --argjson call "$call" --arg result "$result" \
  '{model: $model, tools: $tools, input: (
    [{role: "user", content: $prompt}] + $first.output
    + [{type: "function_call_output", call_id: $call.call_id, output: $result}]
  )}')
ask "$request"

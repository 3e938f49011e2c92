# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# The tool the model may call: a stand-in for a real weather service.
get_weather() {
  jq -cn --arg city "$1" '{city: $city, temperature_c: 21, conditions: "sunny"}'
}

# One function tool, described by a JSON schema of its arguments.
tools='[{
  "functionDeclarations": [{
    "name": "get_weather",
    "description": "The current weather in a city.",
    "parametersJsonSchema": {
      "type": "object",
      "properties": {"city": {"type": "string", "description": "The city, such as Paris."}},
      "required": ["city"]
    }
  }]
}]'
prompt='"What is the weather in Paris right now?"'

ask() {
  curl -sS --fail-with-body https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent \
    -H 'Content-Type: application/json' \
    -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
    -d "$1"
}

# The first request: the model answers with a functionCall part.
request=$(jq -n --argjson prompt "$prompt" --argjson tools "$tools" \
  '{tools: $tools, contents: [{role: "user", parts: [{text: $prompt}]}]}')
if ! first=$(ask "$request"); then
  printf '%s\n' "$first" >&2
  exit 1
fi
printf '%s\n' "$first"

# The second request: the model's turn, unchanged (its thought signature included), and the result.
call=$(jq -c '[.candidates[0].content.parts[] | select(.functionCall)][0].functionCall' <<<"$first")
result=$(get_weather "$(jq -r '.args.city' <<<"$call")")
request=$(jq -n --argjson prompt "$prompt" --argjson tools "$tools" \
  --argjson first "$first" --argjson call "$call" --argjson result "$result" \
  '{tools: $tools, contents: [
    {role: "user", parts: [{text: $prompt}]},
    $first.candidates[0].content,
    {role: "user", parts: [{functionResponse: {name: $call.name, response: $result}}]}
  ]}')
ask "$request"

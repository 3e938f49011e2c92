# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
set -o pipefail
# The image: a file beside this script, or an http(s) URL.
IMAGE=photo.png
case "$IMAGE" in
  *.jpg | *.jpeg) media_type=image/jpeg ;;
  *.gif) media_type=image/gif ;;
  *.webp) media_type=image/webp ;;
  *) media_type=image/png ;;
esac

# The image block: a URL as it is, a file inline as base64.
if [[ $IMAGE == http://* || $IMAGE == https://* ]]; then
  image=$(jq -n --arg url "$IMAGE" '{type: "image", source: {type: "url", url: $url}}')
else
  image=$(jq -n --arg type "$media_type" --rawfile data <(base64 < "$IMAGE" | tr -d '\n') \
    '{type: "image", source: {type: "base64", media_type: $type, data: $data}}')
fi

jq -n --argjson image "$image" --argjson model '"claude-sonnet-4-20250514"' --argjson prompt '"What is in this picture? Answer in one sentence."' \
  '{model: $model, max_tokens: 1024, messages: [{role: "user", content: [$image, {type: "text", text: $prompt}]}]}' |
  curl -sS --fail-with-body https://api.openai-proxy.org/anthropic/v1/messages \
    -H 'Content-Type: application/json' \
    -H 'x-api-key: sk-golden-0123456789abcdef' \
    -H 'anthropic-version: 2023-06-01' \
    --data-binary @-

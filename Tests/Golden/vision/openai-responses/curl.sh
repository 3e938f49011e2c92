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

# The image part: a URL as it is, a file inline as a data URL.
if [[ $IMAGE == http://* || $IMAGE == https://* ]]; then
  image=$(jq -n --arg url "$IMAGE" '{type: "input_image", image_url: $url, detail: "auto"}')
else
  image=$(jq -n --arg type "$media_type" --rawfile data <(base64 < "$IMAGE" | tr -d '\n') \
    '{type: "input_image", image_url: ("data:" + $type + ";base64," + $data), detail: "auto"}')
fi

jq -n --argjson image "$image" --argjson model '"gpt-5.1"' --argjson prompt '"What is in this picture? Answer in one sentence."' \
  '{model: $model, input: [{role: "user", content: [{type: "input_text", text: $prompt}, $image]}]}' |
  curl -sS --fail-with-body https://api.openai-proxy.org/v1/responses \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    --data-binary @-

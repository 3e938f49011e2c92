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

# Gemini takes only its own file URIs, so an image on the web is downloaded and sent inline.
if [[ $IMAGE == http://* || $IMAGE == https://* ]]; then
  read_image() { curl -sS --fail-with-body "$IMAGE"; }
else
  read_image() { cat "$IMAGE"; }
fi

jq -n --arg type "$media_type" --rawfile data <(read_image | base64 | tr -d '\n') --argjson prompt '"What is in this picture? Answer in one sentence."' \
  '{contents: [{role: "user", parts: [{inlineData: {mimeType: $type, data: $data}}, {text: $prompt}]}]}' |
  curl -sS --fail-with-body https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent \
    -H 'Content-Type: application/json' \
    -H 'x-goog-api-key: sk-golden-0123456789abcdef' \
    --data-binary @-

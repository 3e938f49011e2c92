# Needs curl and jq (apt-get install curl jq, brew install jq). Each answer is printed as it came.
# Fail when curl fails or when no event arrives (a relay that cannot stream answers plain JSON).
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
  image=$(jq -n --arg url "$IMAGE" '{type: "image_url", image_url: {url: $url}}')
else
  image=$(jq -n --arg type "$media_type" --rawfile data <(base64 < "$IMAGE" | tr -d '\n') \
    '{type: "image_url", image_url: {url: ("data:" + $type + ";base64," + $data)}}')
fi

jq -n --argjson image "$image" --argjson model '"gpt-4o"' --argjson prompt '"What is in this picture? Answer in one sentence."' \
  '{model: $model, stream: true, messages: [{role: "user", content: [{type: "text", text: $prompt}, $image]}]}' |
  curl -sS --fail-with-body -N https://api.openai-proxy.org/v1/chat/completions \
    -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-golden-0123456789abcdef' \
    --data-binary @- |
    awk '/^data:/ { events = 1 } { print; fflush() }
      END { if (!events) { print "error: expected an event stream; the relay answered without one" > "/dev/stderr"; exit 1 } }'

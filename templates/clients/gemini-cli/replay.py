"""Replays what Gemini CLI sends once ~/.gemini/.env is written: it reads the file with a real
dotenv parser (python-dotenv), then sends generateContent and streamGenerateContent?alt=sse to
{GOOGLE_GEMINI_BASE_URL}/v1beta/models/{GEMINI_MODEL} with x-goog-api-key, as @google/genai does
with its default API version. Prints the streamed reply."""
import json, os, sys, urllib.parse, urllib.request
from dotenv import dotenv_values

# Node's dotenv, which Gemini CLI uses, expands no variables.
env = dotenv_values(os.path.expanduser("~/.gemini/.env"), interpolate=False)
base = env["GOOGLE_GEMINI_BASE_URL"] + "/v1beta/models/" + urllib.parse.quote(env["GEMINI_MODEL"], safe="@")
headers = {"x-goog-api-key": env["GEMINI_API_KEY"], "content-type": "application/json",
           "x-goog-api-client": "google-genai-sdk/1.30.0 gl-node/v20"}
body = json.dumps({"contents": [{"role": "user", "parts": [{"text": os.environ["RELAYDOCS_PROMPT"]}]}],
                   "generationConfig": {"temperature": 0}}).encode()


def post(url):
    return urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers, method="POST"), timeout=60)


with post(base + ":generateContent") as answer:
    parts = json.load(answer)["candidates"][0]["content"]["parts"]
    whole = "".join(part.get("text", "") for part in parts if not part.get("thought"))
reply = ""
with post(base + ":streamGenerateContent?alt=sse") as answer:
    if not answer.headers.get("content-type", "").startswith("text/event-stream"):
        sys.exit("no event stream came from streamGenerateContent")
    for line in answer:
        line = line.decode().rstrip("\n")
        if line.startswith("data: "):
            for candidate in json.loads(line[len("data: "):]).get("candidates", []):
                for part in candidate.get("content", {}).get("parts", []):
                    if not part.get("thought"):
                        reply += part.get("text", "")
if reply != whole:
    sys.exit("the stream said %r, generateContent %r" % (reply, whole))
print(reply)

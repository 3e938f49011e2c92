"""Replays what Claude Code sends once ~/.claude/settings.json is written: it reads the file as
Claude Code does (JSON, its "env" object), then sends Claude Code's requests to the relay:
POST {ANTHROPIC_BASE_URL}/v1/messages/count_tokens and a streaming POST {ANTHROPIC_BASE_URL}/v1/messages,
both with Authorization: Bearer {ANTHROPIC_AUTH_TOKEN}. Prints the streamed reply."""
import json, os, sys, urllib.request

with open(os.path.expanduser("~/.claude/settings.json"), encoding="utf-8") as file:
    env = json.load(file)["env"]
base = env["ANTHROPIC_BASE_URL"]
headers = {
    "Authorization": "Bearer " + env["ANTHROPIC_AUTH_TOKEN"],
    "anthropic-version": "2023-06-01",
    "anthropic-beta": "claude-code-20250219",
    "content-type": "application/json",
    "user-agent": "claude-cli/2.0.0 (external, cli)",
}
messages = [{"role": "user", "content": [{"type": "text", "text": os.environ["RELAYDOCS_PROMPT"]}]}]


def post(path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    return urllib.request.urlopen(request, timeout=60)


with post("/v1/messages/count_tokens", {"model": env["ANTHROPIC_MODEL"], "messages": messages}) as answer:
    counted = json.load(answer)
    if not isinstance(counted.get("input_tokens"), int):
        sys.exit("count_tokens answered without input_tokens: %r" % counted)

reply = ""
body = {"model": env["ANTHROPIC_MODEL"], "max_tokens": 32000, "stream": True, "messages": messages,
        "system": [{"type": "text", "text": "You are Claude Code, Anthropic's official CLI for Claude."}]}
with post("/v1/messages", body) as answer:
    if not answer.headers.get("content-type", "").startswith("text/event-stream"):
        sys.exit("no event stream came from /v1/messages")
    events = []
    for line in answer:
        line = line.decode().rstrip("\n")
        if line.startswith("event: "):
            events.append(line[len("event: "):])
        elif line.startswith("data: "):
            data = json.loads(line[len("data: "):])
            delta = data.get("delta", {})
            if data.get("type") == "content_block_delta" and delta.get("type") == "text_delta":
                reply += delta["text"]
    if not events or events[0] != "message_start" or events[-1] != "message_stop":
        sys.exit("the stream did not run from message_start to message_stop: %r" % events)
print(reply)

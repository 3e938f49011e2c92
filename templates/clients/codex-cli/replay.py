"""Replays what Codex CLI sends once ~/.codex/config.toml is written and RELAY_API_KEY exported:
it reads the file with tomllib, takes the provider model_provider names, reads the key from the
variable its env_key names, and makes Codex's call: a streaming POST {base_url}/responses with
Authorization: Bearer. Codex needs the whole event sequence, ending in response.completed."""
import json, os, sys, tomllib, urllib.request

with open(os.path.expanduser("~/.codex/config.toml"), "rb") as file:
    config = tomllib.load(file)
provider = config["model_providers"][config["model_provider"]]
if provider.get("wire_api") != "responses":
    sys.exit("wire_api must be responses, not %r" % provider.get("wire_api"))
key = os.environ[provider["env_key"]]
body = {
    "model": config["model"],
    "instructions": "You are Codex, a coding agent.",
    "input": [{"type": "message", "role": "user",
               "content": [{"type": "input_text", "text": os.environ["RELAYDOCS_PROMPT"]}]}],
    "tools": [], "tool_choice": "auto", "parallel_tool_calls": False,
    "reasoning": None, "store": False, "stream": True, "include": [],
}
request = urllib.request.Request(
    provider["base_url"] + "/responses", data=json.dumps(body).encode(), method="POST",
    headers={"Authorization": "Bearer " + key, "content-type": "application/json",
             "accept": "text/event-stream", "originator": "codex_cli_rs"})
events, reply = [], ""
with urllib.request.urlopen(request, timeout=60) as answer:
    if not answer.headers.get("content-type", "").startswith("text/event-stream"):
        sys.exit("no event stream came from /responses")
    for line in answer:
        line = line.decode().rstrip("\n")
        if not line.startswith("data: "):
            continue
        event = json.loads(line[len("data: "):])
        events.append(event["type"])
        if event["type"] == "response.output_text.delta":
            reply += event["delta"]
        if event["type"] == "response.output_item.done" and event["item"].get("type") == "message":
            done = "".join(part.get("text", "") for part in event["item"]["content"])
            if done != reply:
                sys.exit("output_item.done holds %r, the deltas %r" % (done, reply))
# What Codex waits for before it takes a turn as finished.
for needed in ["response.created", "response.output_item.added", "response.content_part.added",
               "response.output_text.delta", "response.output_item.done", "response.completed"]:
    if needed not in events:
        sys.exit("the stream lacks %s (it had %r)" % (needed, events))
if events[-1] != "response.completed":
    sys.exit("stream closed before response.completed: %r" % events)
print(reply)

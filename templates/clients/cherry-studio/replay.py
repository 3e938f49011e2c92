"""Replays what Cherry Studio sends once its import link is opened: it decodes the link as the
app does (the data parameter, base64, JSON), applies Cherry Studio's rule for the address
(append /v1 unless it has a /vN already or ends in #) and sends the streaming chat completion
its OpenAI provider makes, with Authorization: Bearer. Prints the streamed reply."""
import base64, json, os, re, sys, urllib.parse, urllib.request

link = json.load(open("setup.json", encoding="utf-8"))["Import link"]
parsed = urllib.parse.urlsplit(link)
if (parsed.scheme, parsed.netloc, parsed.path) != ("cherrystudio", "providers", "/api-keys"):
    sys.exit("not a Cherry Studio provider link: %r" % link)
query = urllib.parse.parse_qs(parsed.query, strict_parsing=True)
config = json.loads(base64.b64decode(query["data"][0], validate=True).decode("utf-8"))


def format_api_host(host):
    host = host.rstrip("/")
    if host.endswith("#"):
        return host[:-1]
    return host if re.search(r"/v\d+", host) else host + "/v1"


url = format_api_host(config["baseUrl"]) + "/chat/completions"
body = {"model": os.environ["RELAYDOCS_MODEL"], "stream": True,
        "messages": [{"role": "user", "content": os.environ["RELAYDOCS_PROMPT"]}]}
request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + config["apiKey"],
                                          "content-type": "application/json"})
reply = ""
with urllib.request.urlopen(request, timeout=60) as answer:
    for line in answer:
        line = line.decode().strip()
        if line.startswith("data: ") and line != "data: [DONE]":
            for choice in json.loads(line[len("data: "):]).get("choices", []):
                reply += choice.get("delta", {}).get("content") or ""
print(reply)

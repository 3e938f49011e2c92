// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
const apiKey = "sk-golden-0123456789abcdef";
const prompt = "Say hi";

// CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict under it.
const baseURL = "https://api.openai-proxy.org/google";

const response = await fetch(baseURL + "/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    Authorization: `Bearer ${apiKey}`,
  },
  // Vertex takes the model in the URL only, and the API version in the body.
  body: JSON.stringify({
    anthropic_version: "vertex-2023-10-16",
    max_tokens: 1024,
    stream: true,
    messages: [{ role: "user", content: prompt }],
  }),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

/** The text of one Messages event: only text deltas carry reply text (thinking deltas do not). */
function textOf(event) {
  return event.type === "content_block_delta" && event.delta.type === "text_delta" ? event.delta.text : undefined;
}

// A relay that cannot stream answers with plain JSON: say so instead of printing nothing.
const contentType = response.headers.get("content-type") ?? "";
if (!contentType.startsWith("text/event-stream")) {
  console.error(`error: expected an event stream, got ${contentType || "no Content-Type"}: ${await response.text()}`);
  process.exit(1);
}

// Server-sent events arrive in arbitrary pieces: handle each complete line, keep the rest.
const decoder = new TextDecoder();
let buffer = "";
for await (const chunk of response.body) {
  buffer += decoder.decode(chunk, { stream: true });
  let newline;
  while ((newline = buffer.indexOf("\n")) >= 0) {
    const line = buffer.slice(0, newline).replace(/\r$/, "");
    buffer = buffer.slice(newline + 1);
    if (!line.startsWith("data:")) continue;
    const data = line.slice(line.startsWith("data: ") ? 6 : 5);
    if (data === "[DONE]") continue;
    const event = JSON.parse(data);
    if (event.error) {
      console.error(`stream error: ${event.error.message ?? JSON.stringify(event.error)}`);
      process.exit(1);
    }
    const text = textOf(event);
    if (text) process.stdout.write(text);
  }
}
process.stdout.write("\n");

// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
const apiKey = "sk-golden-0123456789abcdef";
const prompt = "Say hi";

// CloseAI's base URL for the OpenAI API; the request below goes to /chat/completions under it.
const baseURL = "https://api.openai-proxy.org/v1";

const response = await fetch(baseURL + "/chat/completions", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    Authorization: `Bearer ${apiKey}`,
  },
  body: JSON.stringify({
    model: "gpt-4o",
    stream: true,
    messages: [{ role: "user", content: prompt }],
  }),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

/** The text of one chat completion chunk. */
function textOf(chunk) {
  return chunk.choices?.[0]?.delta?.content;
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

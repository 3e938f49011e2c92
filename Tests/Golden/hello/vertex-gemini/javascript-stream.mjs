// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
const apiKey = "sk-golden-0123456789abcdef";
const prompt = "Say hi";

// CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1beta1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse under it.
const baseURL = "https://api.openai-proxy.org/google";

const response = await fetch(baseURL + "/v1beta1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    "x-goog-api-key": apiKey,
  },
  body: JSON.stringify({
    contents: [{ role: "user", parts: [{ text: prompt }] }],
  }),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

/** The text of a generateContent response, or of one streamed chunk. */
function textOf(chunk) {
  return (chunk.candidates?.[0]?.content?.parts ?? []).map((part) => part.text ?? "").join("");
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

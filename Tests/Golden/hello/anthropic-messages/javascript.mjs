// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
const apiKey = "sk-golden-0123456789abcdef";
const prompt = "Say hi";

// CloseAI's base URL for the Anthropic API; the request below goes to /v1/messages under it.
const baseURL = "https://api.openai-proxy.org/anthropic";

const response = await fetch(baseURL + "/v1/messages", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    "x-api-key": apiKey,
    "anthropic-version": "2023-06-01",
  },
  body: JSON.stringify({
    model: "claude-sonnet-4-20250514",
    max_tokens: 1024,
    messages: [{ role: "user", content: prompt }],
  }),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

const message = await response.json();
console.log(
  message.content
    .filter((block) => block.type === "text")
    .map((block) => block.text)
    .join(""),
);

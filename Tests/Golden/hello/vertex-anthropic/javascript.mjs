// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
const apiKey = "sk-golden-0123456789abcdef";
const prompt = "Say hi";

// CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict under it.
const baseURL = "https://api.openai-proxy.org/google";

const response = await fetch(baseURL + "/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    Authorization: `Bearer ${apiKey}`,
  },
  // Vertex takes the model in the URL only, and the API version in the body.
  body: JSON.stringify({
    anthropic_version: "vertex-2023-10-16",
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

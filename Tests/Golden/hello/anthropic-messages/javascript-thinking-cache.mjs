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
    max_tokens: 3072,
    // Extended thinking: the model may reason for up to this many tokens before answering.
    thinking: { type: "enabled", budget_tokens: 2048 },
    messages: [
      {
        role: "user",
        content: [
          {
            type: "text",
            text: prompt,
            // Prompt caching: later requests that start with this text read it from the cache.
            cache_control: { type: "ephemeral" },
          },
        ],
      },
    ],
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

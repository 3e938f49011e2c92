// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
const apiKey = "sk-golden-0123456789abcdef";
const prompt = "Say hi";

// CloseAI's base URL for the OpenAI API; the request below goes to /responses under it.
const baseURL = "https://api.openai-proxy.org/v1";

const response = await fetch(baseURL + "/responses", {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    Authorization: `Bearer ${apiKey}`,
  },
  body: JSON.stringify({
    model: "gpt-5.1",
    input: prompt,
  }),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

const reply = await response.json();
console.log(
  reply.output
    .filter((item) => item.type === "message")
    .flatMap((item) => item.content ?? [])
    .filter((part) => part.type === "output_text")
    .map((part) => part.text)
    .join(""),
);

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
    messages: [{ role: "user", content: prompt }],
  }),
});
if (!response.ok) {
  console.error(`HTTP ${response.status}: ${await response.text()}`);
  process.exit(1);
}

const completion = await response.json();
console.log(completion.choices[0].message.content);

// Node.js 18+ (its built-in fetch), no packages. Run: node main.mjs
const apiKey = "sk-golden-0123456789abcdef";
const prompt = "Say hi";

// CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1beta1/publishers/google/models/gemini-2.5-flash:generateContent under it.
const baseURL = "https://api.openai-proxy.org/google";

const response = await fetch(baseURL + "/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent", {
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

console.log(textOf(await response.json()));

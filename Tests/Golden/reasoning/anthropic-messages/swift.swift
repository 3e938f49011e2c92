// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/anthropic/v1/messages")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")
let body: [String: Any] = [
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 3072,
    // Extended thinking: the model may reason for up to this many tokens before it answers.
    "thinking": ["type": "enabled", "budget_tokens": 2048],
    "messages": [["role": "user", "content": prompt]],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

struct Message: Decodable {
    /// A thinking block (the reasoning) or a text block (the answer).
    struct Block: Decodable {
        let type: String
        let thinking: String?
        let text: String?
    }
    let content: [Block]
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let message = try JSONDecoder().decode(Message.self, from: data)
print("Reasoning: \(message.content.filter { $0.type == "thinking" }.compactMap(\.thinking).joined())")
print("Answer: \(message.content.filter { $0.type == "text" }.compactMap(\.text).joined())")

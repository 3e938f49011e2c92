// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "In one sentence, what is this handbook about?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/anthropic/v1/messages")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")

// A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
let handbook = (1...200).map { "Rule \($0): every request through the relay is billed by its tokens." }
    .joined(separator: "\n")

let body: [String: Any] = [
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 1024,
    // cache_control marks the end of the prefix to cache; later requests that start with it read
    // it from the cache.
    "system": [["type": "text", "text": handbook, "cache_control": ["type": "ephemeral"]]],
    "messages": [["role": "user", "content": prompt]],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

/// The token counts: input_tokens counts only what was neither read from nor written to the cache.
struct Usage: Decodable {
    let input_tokens: Int?
    let cache_creation_input_tokens: Int?
    let cache_read_input_tokens: Int?
}

struct Message: Decodable {
    struct Block: Decodable {
        let type: String
        let text: String?
    }
    let content: [Block]
    let usage: Usage?
}

// The same request twice: the second one reads the handbook from the cache.
for number in 1...2 {
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    let message = try JSONDecoder().decode(Message.self, from: data)
    print(message.content.filter { $0.type == "text" }.compactMap(\.text).joined())
    let usage = message.usage
    let cached = usage?.cache_read_input_tokens ?? 0
    let total = (usage?.input_tokens ?? 0) + (usage?.cache_creation_input_tokens ?? 0) + cached
    print("Request \(number): \(cached) of \(total) input tokens read from the cache")
}

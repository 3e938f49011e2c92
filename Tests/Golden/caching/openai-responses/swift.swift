// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "In one sentence, what is this handbook about?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/responses")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")

// A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
let handbook = (1...200).map { "Rule \($0): every request through the relay is billed by its tokens." }
    .joined(separator: "\n")

let body: [String: Any] = [
    "model": "gpt-5.1",
    "instructions": handbook,
    "input": prompt,
    // Requests with the same key and prefix reach the same cache.
    "prompt_cache_key": "handbook",
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

/// The token counts: all input tokens, and how many of them were read from the cache.
struct Usage: Decodable {
    struct Details: Decodable { let cached_tokens: Int? }
    let input_tokens: Int
    let input_tokens_details: Details?
}

struct Response: Decodable {
    struct Item: Decodable {
        struct Part: Decodable {
            let type: String
            let text: String?
        }
        let type: String
        let content: [Part]?
    }
    let output: [Item]
    let usage: Usage?

    var text: String {
        output.filter { $0.type == "message" }.flatMap { $0.content ?? [] }
            .filter { $0.type == "output_text" }.compactMap(\.text).joined()
    }
}

// The same request twice: the second one reads the handbook from the cache.
for number in 1...2 {
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    let reply = try JSONDecoder().decode(Response.self, from: data)
    print(reply.text)
    let usage = reply.usage
    let cached = usage?.input_tokens_details?.cached_tokens ?? 0
    print("Request \(number): \(cached) of \(usage?.input_tokens ?? 0) input tokens read from the cache")
}

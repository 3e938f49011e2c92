// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "In one sentence, what is this handbook about?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/chat/completions")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")

// A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
let handbook = (1...200).map { "Rule \($0): every request through the relay is billed by its tokens." }
    .joined(separator: "\n")

let body: [String: Any] = [
    "model": "gpt-4o",
    "messages": [
        ["role": "system", "content": handbook],
        ["role": "user", "content": prompt],
    ],
    // Requests with the same key and prefix reach the same cache.
    "prompt_cache_key": "handbook",
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

/// The token counts: all input tokens, and how many of them were read from the cache.
struct Usage: Decodable {
    struct Details: Decodable { let cached_tokens: Int? }
    let prompt_tokens: Int
    let prompt_tokens_details: Details?
}

struct ChatCompletion: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable { let content: String? }
        let message: Message
    }
    let choices: [Choice]
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
    let completion = try JSONDecoder().decode(ChatCompletion.self, from: data)
    print(completion.choices.first?.message.content ?? "")
    let usage = completion.usage
    let cached = usage?.prompt_tokens_details?.cached_tokens ?? 0
    print("Request \(number): \(cached) of \(usage?.prompt_tokens ?? 0) input tokens read from the cache")
}

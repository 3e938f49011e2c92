// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "In one sentence, what is this handbook about?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-goog-api-key")

// A long prefix both requests share: the API caches prefixes of 1,024 tokens or more.
let handbook = (1...200).map { "Rule \($0): every request through the relay is billed by its tokens." }
    .joined(separator: "\n")

let body: [String: Any] = [
    // Gemini caches a long shared prefix on its own (implicit caching).
    "systemInstruction": ["parts": [["text": handbook]]],
    "contents": [["role": "user", "parts": [["text": prompt]]]],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

/// A generateContent response, or one chunk of a streamed one (the last one carries the usage).
struct GenerateContentResponse: Decodable {
    struct Candidate: Decodable {
        struct Content: Decodable {
            struct Part: Decodable { let text: String? }
            let parts: [Part]?
        }
        let content: Content?
    }
    /// The token counts: all input tokens, and how many of them were read from the cache.
    struct Usage: Decodable {
        let promptTokenCount: Int?
        let cachedContentTokenCount: Int?
    }
    let candidates: [Candidate]?
    let usageMetadata: Usage?

    var text: String {
        (candidates?.first?.content?.parts ?? []).compactMap(\.text).joined()
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
    let reply = try JSONDecoder().decode(GenerateContentResponse.self, from: data)
    print(reply.text)
    let usage = reply.usageMetadata
    let cached = usage?.cachedContentTokenCount ?? 0
    print("Request \(number): \(cached) of \(usage?.promptTokenCount ?? 0) input tokens read from the cache")
}

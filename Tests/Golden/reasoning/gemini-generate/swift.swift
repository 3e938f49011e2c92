// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-goog-api-key")
let body: [String: Any] = [
    "contents": [["role": "user", "parts": [["text": prompt]]]],
    "generationConfig": [
        "thinkingConfig": [
            // Return a summary of the reasoning along with the answer.
            "includeThoughts": true,
            // The model may reason for up to this many tokens before it answers.
            "thinkingBudget": 2048,
        ]
    ],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

/// A generateContent response, or one chunk of a streamed one.
struct GenerateContentResponse: Decodable {
    struct Candidate: Decodable {
        struct Content: Decodable {
            struct Part: Decodable {
                let text: String?
                /// True for a part of the reasoning.
                let thought: Bool?
            }
            let parts: [Part]?
        }
        let content: Content?
    }
    let candidates: [Candidate]?

    var parts: [Candidate.Content.Part] { candidates?.first?.content?.parts ?? [] }
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let parts = try JSONDecoder().decode(GenerateContentResponse.self, from: data).parts
print("Reasoning: \(parts.filter { $0.thought == true }.compactMap(\.text).joined())")
print("Answer: \(parts.filter { $0.thought != true }.compactMap(\.text).joined())")

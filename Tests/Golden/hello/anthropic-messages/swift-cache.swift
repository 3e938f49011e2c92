// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Say hi"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/anthropic/v1/messages")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")
let body: [String: Any] = [
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 1024,
    "messages": [
        [
            "role": "user",
            "content": [
                [
                    "type": "text",
                    "text": prompt,
                    // Prompt caching: later requests that start with this text read it from the cache.
                    "cache_control": ["type": "ephemeral"],
                ]
            ],
        ]
    ],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

struct Message: Decodable {
    struct Block: Decodable {
        let type: String
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
print(message.content.filter { $0.type == "text" }.compactMap(\.text).joined())

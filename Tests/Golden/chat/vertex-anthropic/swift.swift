// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Name one colour of the sky."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
let followUp = "And at sunset?"

struct Message: Decodable {
    struct Block: Decodable {
        let type: String
        let text: String?
    }
    let content: [Block]
}

// The conversation so far: the API keeps no history, so every request carries all of it.
var messages: [[String: Any]] = []
for question in [prompt, followUp] {
    messages.append(["role": "user", "content": question])
    // Vertex takes the model in the URL only, and the API version in the body.
    let body: [String: Any] = [
        "anthropic_version": "vertex-2023-10-16",
        "max_tokens": 1024,
        "messages": messages,
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    let message = try JSONDecoder().decode(Message.self, from: data)
    print(message.content.filter { $0.type == "text" }.compactMap(\.text).joined())
    let content = jsonObject(data)["content"] as? [[String: Any]] ?? []
    // The answer goes back with the next question, unchanged (thinking blocks and signatures too).
    messages.append(["role": "assistant", "content": content])
}

/// The JSON object in `data` as `[String: Any]`: a model's turn kept this way goes back unchanged.
func jsonObject(_ data: Data) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
}

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Name one colour of the sky."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-goog-api-key")
let followUp = "And at sunset?"

/// A part of the model's answer, as far as this program reads it.
struct Part: Decodable {
    let text: String?
    /// True for a part of the reasoning.
    let thought: Bool?
}

// The conversation so far: the API keeps no history, so every request carries all of it.
var contents: [[String: Any]] = []
for question in [prompt, followUp] {
    contents.append(["role": "user", "parts": [["text": question]]])
    let body: [String: Any] = ["contents": contents]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    let parts = candidateParts(data)
    print(try decode([Part].self, from: parts).filter { $0.thought != true }.compactMap(\.text).joined())
    // The answer goes back with the next question, unchanged (thought signatures too).
    contents.append(["role": "model", "parts": parts])
}

/// The JSON object in `data` as `[String: Any]`: a model's turn kept this way goes back unchanged.
func jsonObject(_ data: Data) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
}

/// Reads JSON kept as `[String: Any]` (or an array of it) into a Decodable type.
func decode<T: Decodable>(_ type: T.Type, from json: Any) throws -> T {
    try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: json))
}

/// The parts of the first candidate of a response (or of a streamed chunk), as JSON.
func candidateParts(_ data: Data) -> [[String: Any]] {
    let candidate = (jsonObject(data)["candidates"] as? [[String: Any]])?.first
    return (candidate?["content"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
}

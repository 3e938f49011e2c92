// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Give today's weather in Paris."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/anthropic/v1/messages")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")

/// The JSON schema the answer must follow.
let weatherSchema: [String: Any] = [
    "type": "object",
    "properties": [
        "city": ["type": "string"],
        "temperature_c": ["type": "integer"],
        "conditions": ["type": "string"],
    ],
    "required": ["city", "temperature_c", "conditions"],
    "additionalProperties": false,
]

/// The answer, as the schema describes it.
struct Weather: Decodable {
    let city: String
    let temperature_c: Int
    let conditions: String
}

let body: [String: Any] = [
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 1024,
    "messages": [["role": "user", "content": prompt]],
    // Structured output: the answer follows the schema.
    "output_config": ["format": ["type": "json_schema", "schema": weatherSchema]],
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
let text = message.content.filter { $0.type == "text" }.compactMap(\.text).joined()

// The answer is JSON text that follows the schema: parse it, then print it field by field.
let weather = try JSONDecoder().decode(Weather.self, from: Data(text.utf8))
print("city: \(weather.city)")
print("temperature_c: \(weather.temperature_c)")
print("conditions: \(weather.conditions)")

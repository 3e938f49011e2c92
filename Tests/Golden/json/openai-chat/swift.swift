// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Give today's weather in Paris."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/chat/completions")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")

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
    "model": "gpt-4o",
    "messages": [["role": "user", "content": prompt]],
    "response_format": [
        "type": "json_schema",
        "json_schema": ["name": "weather", "schema": weatherSchema, "strict": true],
    ],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

struct ChatCompletion: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable { let content: String? }
        let message: Message
    }
    let choices: [Choice]
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let text = try JSONDecoder().decode(ChatCompletion.self, from: data).choices.first?.message.content ?? ""

// The answer is JSON text that follows the schema: parse it, then print it field by field.
let weather = try JSONDecoder().decode(Weather.self, from: Data(text.utf8))
print("city: \(weather.city)")
print("temperature_c: \(weather.temperature_c)")
print("conditions: \(weather.conditions)")

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Give today's weather in Paris."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-goog-api-key")

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
    "contents": [["role": "user", "parts": [["text": prompt]]]],
    "generationConfig": ["responseMimeType": "application/json", "responseJsonSchema": weatherSchema],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

/// A generateContent response, or one chunk of a streamed one.
struct GenerateContentResponse: Decodable {
    struct Candidate: Decodable {
        struct Content: Decodable {
            struct Part: Decodable { let text: String? }
            let parts: [Part]?
        }
        let content: Content?
    }
    let candidates: [Candidate]?

    var text: String {
        (candidates?.first?.content?.parts ?? []).compactMap(\.text).joined()
    }
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let text = try JSONDecoder().decode(GenerateContentResponse.self, from: data).text

// The answer is JSON text that follows the schema: parse it, then print it field by field.
let weather = try JSONDecoder().decode(Weather.self, from: Data(text.utf8))
print("city: \(weather.city)")
print("temperature_c: \(weather.temperature_c)")
print("conditions: \(weather.conditions)")

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is the weather in Paris right now?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/anthropic/v1/messages")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")

/// The tool the model may call: a stand-in for a real weather service.
func getWeather(city: String) -> [String: Any] {
    ["city": city, "temperature_c": 21, "conditions": "sunny"]
}

/// The tool's arguments, as the model sends them.
struct WeatherArguments: Decodable {
    let city: String
}

/// The JSON schema of the tool's arguments.
let weatherParameters: [String: Any] = [
    "type": "object",
    "properties": ["city": ["type": "string", "description": "The city, such as Paris."]],
    "required": ["city"],
    "additionalProperties": false,
]

// One function tool, described by a JSON schema of its input.
let tools: [[String: Any]] = [
    ["name": "get_weather", "description": "The current weather in a city.", "input_schema": weatherParameters]
]

/// A content block of the model's answer, as far as this program reads it.
struct Block: Decodable {
    let type: String
    /// A text block: part of the answer.
    let text: String?
    /// A tool_use block: the call's id, the tool's name and its input.
    let id: String?
    let name: String?
    let input: WeatherArguments?
}

// The conversation: the API keeps no history, so every request carries all of it.
var messages: [[String: Any]] = [["role": "user", "content": prompt]]
// Ask; while the model calls the tool, run its calls and send the results back.
while true {
    let body: [String: Any] = [
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 1024,
        "tools": tools,
        "messages": messages,
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    // The model's content blocks, as JSON, to send back unchanged.
    let content = jsonObject(data)["content"] as? [[String: Any]] ?? []
    let blocks = try decode([Block].self, from: content)
    let text = blocks.filter { $0.type == "text" }.compactMap(\.text).joined()
    if !text.isEmpty { print(text) }
    let calls = blocks.filter { $0.type == "tool_use" }
    guard !calls.isEmpty else { break }  // no call: that was the final answer

    messages.append(["role": "assistant", "content": content])
    var results: [[String: Any]] = []
    for call in calls {
        guard let id = call.id, let name = call.name, let input = call.input else { continue }
        print("Tool call: \(name)(city=\(input.city))")
        let result = getWeather(city: input.city)
        let resultJSON = String(decoding: try JSONSerialization.data(withJSONObject: result), as: UTF8.self)
        results.append(["type": "tool_result", "tool_use_id": id, "content": resultJSON])
    }
    messages.append(["role": "user", "content": results])
}

/// The JSON object in `data` as `[String: Any]`: a model's turn kept this way goes back unchanged.
func jsonObject(_ data: Data) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
}

/// Reads JSON kept as `[String: Any]` (or an array of it) into a Decodable type.
func decode<T: Decodable>(_ type: T.Type, from json: Any) throws -> T {
    try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: json))
}

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is the weather in Paris right now?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-goog-api-key")

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

// One function tool, described by a JSON schema of its arguments.
let tools: [[String: Any]] = [
    [
        "functionDeclarations": [
            [
                "name": "get_weather",
                "description": "The current weather in a city.",
                "parametersJsonSchema": weatherParameters,
            ]
        ]
    ]
]

/// A part of the model's turn, as far as this program reads it: text, or a function call.
struct Part: Decodable {
    struct FunctionCall: Decodable {
        let name: String
        let args: WeatherArguments
    }
    let text: String?
    /// True for a part of the reasoning.
    let thought: Bool?
    let functionCall: FunctionCall?
}

// The conversation: the API keeps no history, so every request carries all of it.
var contents: [[String: Any]] = [["role": "user", "parts": [["text": prompt]]]]
// Ask; while the model calls the tool, run its calls and send the results back.
while true {
    let body: [String: Any] = ["contents": contents, "tools": tools]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    // The model's turn, as JSON, to send back unchanged (thought signatures included).
    let turn = candidateParts(data)
    let parts = try decode([Part].self, from: turn)
    let text = parts.filter { $0.thought != true }.compactMap(\.text).joined()
    if !text.isEmpty { print(text) }
    let calls = parts.compactMap(\.functionCall)
    guard !calls.isEmpty else { break }  // no call: that was the final answer

    contents.append(["role": "model", "parts": turn])
    var results: [[String: Any]] = []
    for call in calls {
        print("Tool call: \(call.name)(city=\(call.args.city))")
        results.append(["functionResponse": ["name": call.name, "response": getWeather(city: call.args.city)]])
    }
    contents.append(["role": "user", "parts": results])
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

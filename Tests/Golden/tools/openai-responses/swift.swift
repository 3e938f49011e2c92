// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is the weather in Paris right now?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/responses")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")

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
        "type": "function",
        "name": "get_weather",
        "description": "The current weather in a city.",
        "parameters": weatherParameters,
        "strict": true,
    ]
]

/// An item of the model's output, as far as this program reads it.
struct Item: Decodable {
    struct Part: Decodable {
        let type: String
        let text: String?
    }
    let type: String
    /// A message: the answer.
    let content: [Part]?
    /// A function call: its id, the function's name and the arguments as JSON text.
    let call_id: String?
    let name: String?
    let arguments: String?
}

// The conversation: every request carries all of it.
var items: [[String: Any]] = [["role": "user", "content": prompt]]
// Ask; while the model calls the tool, run its calls and send the results back.
while true {
    let body: [String: Any] = [
        "model": "gpt-5.1",
        "input": items,
        "tools": tools,
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    // The model's output items, as JSON, to send back unchanged.
    let output = jsonObject(data)["output"] as? [[String: Any]] ?? []
    let read = try decode([Item].self, from: output)
    let text = read.filter { $0.type == "message" }.flatMap { $0.content ?? [] }
        .filter { $0.type == "output_text" }.compactMap(\.text).joined()
    if !text.isEmpty { print(text) }
    let calls = read.filter { $0.type == "function_call" }
    guard !calls.isEmpty else { break }  // no call: that was the final answer

    items += output
    for call in calls {
        let arguments = try JSONDecoder().decode(WeatherArguments.self, from: Data((call.arguments ?? "").utf8))
        print("Tool call: \(call.name ?? "")(city=\(arguments.city))")
        let result = getWeather(city: arguments.city)
        let resultJSON = String(decoding: try JSONSerialization.data(withJSONObject: result), as: UTF8.self)
        items.append(["type": "function_call_output", "call_id": call.call_id ?? "", "output": resultJSON])
    }
}

/// The JSON object in `data` as `[String: Any]`: a model's turn kept this way goes back unchanged.
func jsonObject(_ data: Data) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
}

/// Reads JSON kept as `[String: Any]` (or an array of it) into a Decodable type.
func decode<T: Decodable>(_ type: T.Type, from json: Any) throws -> T {
    try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: json))
}

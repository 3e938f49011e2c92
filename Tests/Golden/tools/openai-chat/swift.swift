// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is the weather in Paris right now?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/chat/completions")!)
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
        "function": [
            "name": "get_weather",
            "description": "The current weather in a city.",
            "parameters": weatherParameters,
            "strict": true,
        ],
    ]
]

/// A call the model makes: its id, the function's name and the arguments as JSON text.
struct ToolCall: Decodable {
    struct Function: Decodable {
        var name: String
        var arguments: String
    }
    var id: String
    var function: Function
}

struct ChatCompletion: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            let content: String?
            let tool_calls: [ToolCall]?
        }
        let message: Message
    }
    let choices: [Choice]
}

// The conversation: the API keeps no history, so every request carries all of it.
var messages: [[String: Any]] = [["role": "user", "content": prompt]]
// Ask; while the model calls the tool, run its calls and send the results back.
while true {
    let body: [String: Any] = [
        "model": "gpt-4o",
        "messages": messages,
        "tools": tools,
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    let message = try JSONDecoder().decode(ChatCompletion.self, from: data).choices[0].message
    let text = message.content ?? ""
    let calls = message.tool_calls ?? []
    if !text.isEmpty { print(text) }
    guard !calls.isEmpty else { break }  // no call: that was the final answer

    // The model's turn goes back unchanged: its text and its calls.
    var turn: [String: Any] = ["role": "assistant"]
    if !text.isEmpty { turn["content"] = text }
    turn["tool_calls"] = calls.map { call -> [String: Any] in
        ["id": call.id, "type": "function", "function": ["name": call.function.name, "arguments": call.function.arguments]]
    }
    messages.append(turn)
    for call in calls {
        let arguments = try JSONDecoder().decode(WeatherArguments.self, from: Data(call.function.arguments.utf8))
        print("Tool call: \(call.function.name)(city=\(arguments.city))")
        let result = getWeather(city: arguments.city)
        let resultJSON = String(decoding: try JSONSerialization.data(withJSONObject: result), as: UTF8.self)
        messages.append(["role": "tool", "tool_call_id": call.id, "content": resultJSON])
    }
}

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is the weather in Paris right now?"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")!)
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
    // The model's turn, put together from the chunks, as JSON, to send back unchanged (thought
    // signatures included).
    var turn: [[String: Any]] = []
    var printed = false
    EventStream.read(request) { data in
        let chunk = candidateParts(data)
        turn += chunk
        for part in (try? decode([Part].self, from: chunk)) ?? [] where part.thought != true {
            guard let text = part.text, !text.isEmpty else { continue }
            show(text)
            printed = true
        }
    }
    if printed { print() }
    let parts = try decode([Part].self, from: turn)
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

/// Prints text at once: `print` alone holds it back until a line ends (or, into a pipe, until the
/// program ends).
func show(_ text: String) {
    print(text, terminator: "")
    fflush(nil)
}

/// Reads a stream of server-sent events: `EventStream.read(request) { data in … }` sends the
/// request, hands the data of each event to the closure as it arrives, and returns when the stream
/// ends. If the relay answers with an error, or not with an event stream, it says so and exits.
/// (`URLSession.bytes(for:)` does not exist on Linux, so the stream is read through a delegate.)
final class EventStream: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Sends the request and calls `onEvent` with each event's data, in order.
    static func read(_ request: URLRequest, onEvent: @escaping (Data) -> Void) {
        let stream = EventStream(onEvent: onEvent)
        let session = URLSession(configuration: .default, delegate: stream, delegateQueue: nil)
        session.dataTask(with: request).resume()
        stream.finished.wait()
        session.finishTasksAndInvalidate()
        if !stream.succeeded { exit(1) }
    }

    private let onEvent: (Data) -> Void
    private let finished = DispatchSemaphore(value: 0)
    private var buffer = Data()
    private var errorBody = Data()
    private var status = 0
    private var contentType = ""
    private var streaming = false
    private var failed = false
    private var succeeded = false

    private init(onEvent: @escaping (Data) -> Void) {
        self.onEvent = onEvent
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        status = http?.statusCode ?? 0
        contentType = http?.value(forHTTPHeaderField: "Content-Type") ?? ""
        // A relay that cannot stream answers with plain JSON: report it instead of printing nothing.
        streaming = status == 200 && contentType.hasPrefix("text/event-stream")
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard streaming else {
            errorBody.append(data)
            return
        }
        // Data arrives in arbitrary pieces: handle each complete line and keep the rest.
        buffer.append(data)
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Data(buffer[buffer.startIndex..<newline])
            buffer.removeSubrange(buffer.startIndex...newline)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard line.starts(with: Data("data:".utf8)) else { continue }
            var payload = line.dropFirst(5)
            if payload.first == UInt8(ascii: " ") { payload = payload.dropFirst() }
            // OpenAI ends its streams with `data: [DONE]`, which is not JSON.
            if payload.elementsEqual(Data("[DONE]".utf8)) { continue }
            if let failure = try? JSONDecoder().decode(StreamFailure.self, from: payload), failure.isFailure {
                let message = failure.error?.message ?? failure.message ?? "unknown"
                FileHandle.standardError.write(Data("stream error: \(message)\n".utf8))
                failed = true
                continue
            }
            onEvent(Data(payload))
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            FileHandle.standardError.write(Data("request failed: \(error.localizedDescription)\n".utf8))
        } else if status != 200 {
            FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + errorBody + Data("\n".utf8))
        } else if !streaming {
            let got = contentType.isEmpty ? "no Content-Type" : contentType
            FileHandle.standardError.write(
                Data("error: expected an event stream, got \(got): ".utf8) + errorBody + Data("\n".utf8))
        } else {
            succeeded = !failed
        }
        finished.signal()
    }

    /// An error event: `{"error": {"message": "…"}}`, or `{"type": "error", "message": "…"}`.
    private struct StreamFailure: Decodable {
        struct Detail: Decodable { let message: String? }
        let type: String?
        let error: Detail?
        let message: String?

        var isFailure: Bool { error != nil || type == "error" }
    }
}

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

/// A Responses event: output text deltas carry the answer; each finished output item comes whole.
struct Event: Decodable {
    let type: String
    let delta: String?
}

// The conversation: every request carries all of it.
var items: [[String: Any]] = [["role": "user", "content": prompt]]
// Ask; while the model calls the tool, run its calls and send the results back.
while true {
    let body: [String: Any] = [
        "model": "gpt-5.1",
        "stream": true,
        "input": items,
        "tools": tools,
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    // The model's output items, as JSON, to send back unchanged.
    var output: [[String: Any]] = []
    var printed = false
    EventStream.read(request) { data in
        guard let event = try? JSONDecoder().decode(Event.self, from: data) else { return }
        if event.type == "response.output_text.delta", let delta = event.delta {
            show(delta)
            printed = true
        } else if event.type == "response.output_item.done", let item = jsonObject(data)["item"] as? [String: Any] {
            output.append(item)
        }
    }
    if printed { print() }
    let read = try decode([Item].self, from: output)
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

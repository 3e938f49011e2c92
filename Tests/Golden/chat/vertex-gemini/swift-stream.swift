// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Name one colour of the sky."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse")!)
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
    var parts: [[String: Any]] = []
    EventStream.read(request) { data in
        let chunk = candidateParts(data)
        parts += chunk
        for part in (try? decode([Part].self, from: chunk)) ?? [] where part.thought != true {
            show(part.text ?? "")
        }
    }
    print()
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

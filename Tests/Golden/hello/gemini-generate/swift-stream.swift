// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Say hi"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-goog-api-key")
let body: [String: Any] = [
    "contents": [["role": "user", "parts": [["text": prompt]]]]
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

/// The text of one streamed chunk.
@Sendable func text(ofEvent data: Data) -> String? {
    (try? JSONDecoder().decode(GenerateContentResponse.self, from: data))?.text
}

/// Sends a request and prints the text of each server-sent event as it arrives.
/// (`URLSession.bytes(for:)` does not exist on Linux, so the stream is read through a delegate.)
final class EventStreamPrinter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let text: @Sendable (Data) -> String?
    private let finished = DispatchSemaphore(value: 0)
    private var buffer = Data()
    private var errorBody = Data()
    private var status = 0
    private var contentType = ""
    private var streaming = false
    private var succeeded = false

    /// - Parameter text: the text of one event's data, or nil for events without text.
    init(text: @escaping @Sendable (Data) -> String?) {
        self.text = text
    }

    /// Sends the request, prints the stream and returns whether it completed without error.
    func run(_ request: URLRequest) -> Bool {
        let session = URLSession(configuration: .default, delegate: self, delegateQueue: nil)
        session.dataTask(with: request).resume()
        finished.wait()
        session.finishTasksAndInvalidate()
        return succeeded
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
            if let failure = try? JSONDecoder().decode(StreamFailure.self, from: payload) {
                FileHandle.standardError.write(Data("stream error: \(failure.error.message ?? "unknown")\n".utf8))
                continue
            }
            if let piece = text(Data(payload)) {
                FileHandle.standardOutput.write(Data(piece.utf8))
            }
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
            succeeded = true
        }
        finished.signal()
    }

    /// An error event, such as `{"error": {"message": "…"}}`.
    private struct StreamFailure: Decodable {
        struct Detail: Decodable { let message: String? }
        let error: Detail
    }
}

let printer = EventStreamPrinter(text: text(ofEvent:))
let succeeded = printer.run(request)
FileHandle.standardOutput.write(Data("\n".utf8))
exit(succeeded ? 0 : 1)

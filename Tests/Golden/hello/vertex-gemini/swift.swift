// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Say hi"

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent")!)
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

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
print(try JSONDecoder().decode(GenerateContentResponse.self, from: data).text)

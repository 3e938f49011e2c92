// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/responses")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
let body: [String: Any] = [
    "model": "gpt-5.1",
    "input": prompt,
    // How hard the model thinks (one of none, low, medium, high), and a summary of its reasoning.
    "reasoning": ["effort": "medium", "summary": "auto"],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

struct Response: Decodable {
    struct Item: Decodable {
        struct Part: Decodable {
            let type: String
            let text: String?
        }
        let type: String
        /// A reasoning item's summary of the reasoning.
        let summary: [Part]?
        /// A message item's answer.
        let content: [Part]?
    }
    let output: [Item]
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let reply = try JSONDecoder().decode(Response.self, from: data)
let summary = reply.output.filter { $0.type == "reasoning" }.flatMap { $0.summary ?? [] }.compactMap(\.text)
let answer = reply.output.filter { $0.type == "message" }.flatMap { $0.content ?? [] }
    .filter { $0.type == "output_text" }.compactMap(\.text)
print("Reasoning: \(summary.joined())")
print("Answer: \(answer.joined())")

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Name one colour of the sky."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/responses")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
let followUp = "And at sunset?"

struct Response: Decodable {
    struct Item: Decodable {
        struct Part: Decodable {
            let type: String
            let text: String?
        }
        let type: String
        let content: [Part]?
    }
    let output: [Item]

    var text: String {
        output.filter { $0.type == "message" }.flatMap { $0.content ?? [] }
            .filter { $0.type == "output_text" }.compactMap(\.text).joined()
    }
}

// The conversation so far, sent whole with every request (store: false keeps nothing on the server).
var items: [[String: Any]] = []
for question in [prompt, followUp] {
    items.append(["role": "user", "content": question])
    let body: [String: Any] = [
        "model": "gpt-5.1",
        "input": items,
        "store": false,
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    print(try JSONDecoder().decode(Response.self, from: data).text)
    let output = jsonObject(data)["output"] as? [[String: Any]] ?? []
    // The model's output items go back with the next question, unchanged.
    items += output
}

/// The JSON object in `data` as `[String: Any]`: a model's turn kept this way goes back unchanged.
func jsonObject(_ data: Data) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
}

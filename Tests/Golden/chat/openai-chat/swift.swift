// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Name one colour of the sky."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/chat/completions")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
let followUp = "And at sunset?"

struct ChatCompletion: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable { let content: String? }
        let message: Message
    }
    let choices: [Choice]
}

// The conversation so far: the API keeps no history, so every request carries all of it.
var messages: [[String: Any]] = []
for question in [prompt, followUp] {
    messages.append(["role": "user", "content": question])
    let body: [String: Any] = [
        "model": "gpt-4o",
        "messages": messages,
    ]
    request.httpBody = try JSONSerialization.data(withJSONObject: body)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    let answer = try JSONDecoder().decode(ChatCompletion.self, from: data).choices.first?.message.content ?? ""
    print(answer)
    // The answer goes back with the next question, unchanged.
    messages.append(["role": "assistant", "content": answer])
}

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "Which is larger, 9.11 or 9.9? Think it through, then answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/chat/completions")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")
let body: [String: Any] = [
    "model": "gpt-5.1",
    "messages": [["role": "user", "content": prompt]],
    // How hard the model thinks: one of none, low, medium, high.
    "reasoning_effort": "medium",
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

/// The token counts: Chat Completions says how many tokens the reasoning took, not what it was.
struct Usage: Decodable {
    struct Details: Decodable { let reasoning_tokens: Int? }
    let completion_tokens_details: Details?
}

struct ChatCompletion: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable { let content: String? }
        let message: Message
    }
    let choices: [Choice]
    let usage: Usage?
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let completion = try JSONDecoder().decode(ChatCompletion.self, from: data)
print("Answer: \(completion.choices.first?.message.content ?? "")")
let usage = completion.usage
let reasoningTokens = usage?.completion_tokens_details?.reasoning_tokens ?? 0
print("Reasoning: \(reasoningTokens) tokens (Chat Completions does not return the reasoning itself)")

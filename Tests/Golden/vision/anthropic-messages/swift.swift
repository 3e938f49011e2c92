// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is in this picture? Answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/anthropic/v1/messages")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-api-key")
request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")

// The image: a file beside this program, or an http(s) URL.
let image = "photo.png"
let imageIsURL = image.hasPrefix("http://") || image.hasPrefix("https://")

/// The media type of an image file, from its name.
func mediaType(ofImageFile path: String) -> String {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "gif": "image/gif"
    case "webp": "image/webp"
    default: "application/octet-stream"
    }
}

let source: [String: Any]
if imageIsURL {
    source = ["type": "url", "url": image]
} else {
    let data = try Data(contentsOf: URL(fileURLWithPath: image))
    source = ["type": "base64", "media_type": mediaType(ofImageFile: image), "data": data.base64EncodedString()]
}

let body: [String: Any] = [
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 1024,
    "messages": [
        [
            "role": "user",
            "content": [
                ["type": "image", "source": source],
                ["type": "text", "text": prompt],
            ],
        ]
    ],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

struct Message: Decodable {
    struct Block: Decodable {
        let type: String
        let text: String?
    }
    let content: [Block]
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let message = try JSONDecoder().decode(Message.self, from: data)
print(message.content.filter { $0.type == "text" }.compactMap(\.text).joined())

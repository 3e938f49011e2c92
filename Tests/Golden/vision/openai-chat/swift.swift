// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is in this picture? Answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/chat/completions")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization")

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

let imageURL: String
if imageIsURL {
    imageURL = image
} else {
    // A file goes inline, as a data URL.
    let data = try Data(contentsOf: URL(fileURLWithPath: image))
    imageURL = "data:\(mediaType(ofImageFile: image));base64,\(data.base64EncodedString())"
}

let body: [String: Any] = [
    "model": "gpt-4o",
    "messages": [
        [
            "role": "user",
            "content": [
                ["type": "text", "text": prompt],
                ["type": "image_url", "image_url": ["url": imageURL]],
            ],
        ]
    ],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

struct ChatCompletion: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable { let content: String? }
        let message: Message
    }
    let choices: [Choice]
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let completion = try JSONDecoder().decode(ChatCompletion.self, from: data)
print(completion.choices.first?.message.content ?? "")

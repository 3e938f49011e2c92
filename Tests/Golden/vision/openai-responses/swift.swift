// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is in this picture? Answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/v1/responses")!)
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
    "model": "gpt-5.1",
    "input": [
        [
            "role": "user",
            "content": [
                ["type": "input_text", "text": prompt],
                ["type": "input_image", "image_url": imageURL, "detail": "auto"],
            ],
        ]
    ],
]
request.httpBody = try JSONSerialization.data(withJSONObject: body)

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
}

let (data, response) = try await URLSession.shared.data(for: request)
let status = (response as? HTTPURLResponse)?.statusCode ?? 0
guard status == 200 else {
    FileHandle.standardError.write(Data("HTTP \(status): ".utf8) + data + Data("\n".utf8))
    exit(1)
}
let reply = try JSONDecoder().decode(Response.self, from: data)
print(
    reply.output.filter { $0.type == "message" }.flatMap { $0.content ?? [] }
        .filter { $0.type == "output_text" }.compactMap(\.text).joined())

// Swift 6 on macOS or Linux, Foundation only. Run: swift main.swift
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking  // URLSession on Linux
#endif

let apiKey = "sk-golden-0123456789abcdef"
let prompt = "What is in this picture? Answer in one sentence."

var request = URLRequest(url: URL(string: "https://api.openai-proxy.org/google/v1beta/models/gemini-2.5-flash:generateContent")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue(apiKey, forHTTPHeaderField: "x-goog-api-key")

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

let imageData: Data
let mimeType: String
if imageIsURL {
    // Gemini takes only its own file URIs, so an image on the web is downloaded and sent inline.
    let (data, response) = try await URLSession.shared.data(from: URL(string: image)!)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard status == 200 else {
        FileHandle.standardError.write(Data("HTTP \(status) for \(image): ".utf8) + data + Data("\n".utf8))
        exit(1)
    }
    imageData = data
    mimeType = response.mimeType ?? "application/octet-stream"
} else {
    imageData = try Data(contentsOf: URL(fileURLWithPath: image))
    mimeType = mediaType(ofImageFile: image)
}

let body: [String: Any] = [
    "contents": [
        [
            "role": "user",
            "parts": [
                ["inlineData": ["mimeType": mimeType, "data": imageData.base64EncodedString()]],
                ["text": prompt],
            ],
        ]
    ]
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

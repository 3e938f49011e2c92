import Foundation

/// Where each protocol keeps what ``ParsedRequest`` holds.
enum RequestReaders {
    // MARK: OpenAI Chat Completions

    static func chat(_ body: [String: Any]) -> ParsedRequest {
        var parsed = ParsedRequest()
        let messages = JSONRead.objects(body["messages"])
        for (index, message) in messages.enumerated() {
            let role = JSONRead.string(message["role"]) ?? ""
            let content = message["content"]
            switch role {
            case "system", "developer":
                parsed.systemTexts += texts(ofChatContent: content)
            case "user":
                parsed.userTexts += texts(ofChatContent: content)
                for part in JSONRead.objects(content) where JSONRead.string(part["type"]) == "image_url" {
                    guard let url = JSONRead.string(JSONRead.object(part["image_url"])?["url"]) else {
                        parsed.problems.append("messages[\(index)]: an image_url part needs image_url.url")
                        continue
                    }
                    parsed.images.append(image(fromURL: url))
                }
            case "assistant":
                let calls = JSONRead.objects(message["tool_calls"]).compactMap { JSONRead.string($0["id"]) }
                parsed.assistantTurns.append(
                    .init(
                        text: texts(ofChatContent: content).joined(), signatures: [],
                        toolCallIDs: calls))
            case "tool":
                parsed.toolResults.append(
                    .init(
                        callID: JSONRead.string(message["tool_call_id"]) ?? "",
                        content: texts(ofChatContent: content).joined()))
            default:
                parsed.problems.append("messages[\(index)]: unknown role \(role.debugDescription)")
            }
        }
        parsed.tools = JSONRead.objects(body["tools"]).compactMap { tool in
            let function = JSONRead.object(tool["function"]) ?? [:]
            return JSONRead.string(function["name"]).map { ($0, JSONRead.object(function["parameters"]) ?? [:]) }
        }
        if let format = JSONRead.object(body["response_format"]), JSONRead.string(format["type"]) == "json_schema" {
            parsed.schema = JSONRead.object(JSONRead.object(format["json_schema"])?["schema"])
            if parsed.schema == nil { parsed.problems.append("response_format.json_schema.schema is missing") }
        }
        if let effort = JSONRead.string(body["reasoning_effort"]) {
            parsed.reasoning = .init(style: "effort", level: effort, budget: nil, visible: false)
        }
        parsed.cachePrefix = messages.first.map { texts(ofChatContent: $0["content"]).joined() } ?? ""
        return parsed
    }

    static func texts(ofChatContent content: Any?) -> [String] {
        if let text = content as? String { return [text] }
        return JSONRead.objects(content).compactMap { part in
            ["text", "input_text", "output_text"].contains(JSONRead.string(part["type"]) ?? "text")
                ? JSONRead.string(part["text"]) : nil
        }
    }

    // MARK: OpenAI Responses

    static func responses(_ body: [String: Any]) -> ParsedRequest {
        var parsed = ParsedRequest()
        if let instructions = JSONRead.string(body["instructions"]) { parsed.systemTexts.append(instructions) }
        if let input = body["input"] as? String {
            parsed.userTexts = [input]
        } else {
            for (index, item) in JSONRead.objects(body["input"]).enumerated() {
                let type = JSONRead.string(item["type"]) ?? "message"
                switch type {
                case "message":
                    let role = JSONRead.string(item["role"]) ?? ""
                    let texts = texts(ofChatContent: item["content"])
                    switch role {
                    case "user":
                        parsed.userTexts += texts
                        for part in JSONRead.objects(item["content"]) where JSONRead.string(part["type"]) == "input_image" {
                            guard let url = JSONRead.string(part["image_url"]) else {
                                parsed.problems.append("input[\(index)]: an input_image needs image_url")
                                continue
                            }
                            parsed.images.append(image(fromURL: url))
                        }
                    case "system", "developer": parsed.systemTexts += texts
                    case "assistant":
                        parsed.assistantTurns.append(.init(text: texts.joined(), signatures: [], toolCallIDs: []))
                    default: parsed.problems.append("input[\(index)]: unknown role \(role.debugDescription)")
                    }
                case "function_call":
                    let id = JSONRead.string(item["call_id"]) ?? ""
                    if var last = parsed.assistantTurns.last, last.text.isEmpty {
                        last.toolCallIDs.append(id)
                        parsed.assistantTurns[parsed.assistantTurns.count - 1] = last
                    } else {
                        parsed.assistantTurns.append(.init(text: "", signatures: [], toolCallIDs: [id]))
                    }
                case "function_call_output":
                    parsed.toolResults.append(
                        .init(
                            callID: JSONRead.string(item["call_id"]) ?? "", content: JSONRead.string(item["output"]) ?? ""
                        ))
                case "reasoning": continue
                default: parsed.problems.append("input[\(index)]: unknown item type \(type.debugDescription)")
                }
            }
        }
        parsed.tools = JSONRead.objects(body["tools"]).compactMap { tool in
            JSONRead.string(tool["name"]).map { ($0, JSONRead.object(tool["parameters"]) ?? [:]) }
        }
        if let format = JSONRead.object(JSONRead.object(body["text"])?["format"]),
            JSONRead.string(format["type"]) == "json_schema"
        {
            parsed.schema = JSONRead.object(format["schema"])
            if parsed.schema == nil { parsed.problems.append("text.format.schema is missing") }
        }
        if let reasoning = JSONRead.object(body["reasoning"]) {
            parsed.reasoning = .init(
                style: "effort", level: JSONRead.string(reasoning["effort"]), budget: nil,
                visible: reasoning["summary"] != nil)
        }
        parsed.cachePrefix = (parsed.systemTexts + parsed.userTexts.prefix(1)).joined()
        return parsed
    }

    // MARK: Anthropic Messages (and Claude on Vertex)

    static func anthropic(_ body: [String: Any]) -> ParsedRequest {
        var parsed = ParsedRequest()
        var prefix: [String] = []
        var markedPrefix = ""
        func see(_ text: String, block: [String: Any]?) {
            prefix.append(text)
            if block?["cache_control"] != nil {
                parsed.marksCache = true
                markedPrefix = prefix.joined()
            }
        }
        if let system = body["system"] as? String {
            parsed.systemTexts.append(system)
            see(system, block: nil)
        } else {
            for block in JSONRead.objects(body["system"]) {
                let text = JSONRead.string(block["text"]) ?? ""
                parsed.systemTexts.append(text)
                see(text, block: block)
            }
        }
        for (index, message) in JSONRead.objects(body["messages"]).enumerated() {
            let role = JSONRead.string(message["role"]) ?? ""
            let blocks: [[String: Any]] =
                (message["content"] as? String).map { [["type": "text", "text": $0]] }
                ?? JSONRead.objects(message["content"])
            var turn = ParsedRequest.AssistantTurn(text: "", signatures: [], toolCallIDs: [])
            for block in blocks {
                let type = JSONRead.string(block["type"]) ?? ""
                switch (role, type) {
                case ("user", "text"):
                    let text = JSONRead.string(block["text"]) ?? ""
                    parsed.userTexts.append(text)
                    see(text, block: block)
                case ("user", "image"):
                    let source = JSONRead.object(block["source"]) ?? [:]
                    switch JSONRead.string(source["type"]) {
                    case "base64":
                        parsed.images.append(
                            .inline(
                                mediaType: JSONRead.string(source["media_type"]) ?? "",
                                base64: JSONRead.string(source["data"]) ?? ""))
                    case "url": parsed.images.append(.url(JSONRead.string(source["url"]) ?? ""))
                    default: parsed.problems.append("messages[\(index)]: an image needs a base64 or url source")
                    }
                case ("user", "tool_result"):
                    let content =
                        (block["content"] as? String)
                        ?? JSONRead.objects(block["content"]).compactMap { JSONRead.string($0["text"]) }.joined()
                    parsed.toolResults.append(
                        .init(callID: JSONRead.string(block["tool_use_id"]) ?? "", content: content))
                case ("assistant", "text"): turn.text += JSONRead.string(block["text"]) ?? ""
                case ("assistant", "thinking"): turn.signatures.append(JSONRead.string(block["signature"]) ?? "")
                case ("assistant", "redacted_thinking"): turn.signatures.append(JSONRead.string(block["data"]) ?? "")
                case ("assistant", "tool_use"): turn.toolCallIDs.append(JSONRead.string(block["id"]) ?? "")
                default:
                    parsed.problems.append("messages[\(index)]: a \(role) message cannot hold a \(type) block")
                }
            }
            if role == "assistant" { parsed.assistantTurns.append(turn) }
        }
        if body["cache_control"] != nil {
            parsed.marksCache = true
            markedPrefix = prefix.dropLast().joined()
        }
        parsed.cachePrefix = markedPrefix
        parsed.tools = JSONRead.objects(body["tools"]).compactMap { tool in
            JSONRead.string(tool["name"]).map { ($0, JSONRead.object(tool["input_schema"]) ?? [:]) }
        }
        let outputConfig = JSONRead.object(body["output_config"]) ?? [:]
        if let format = JSONRead.object(outputConfig["format"]), JSONRead.string(format["type"]) == "json_schema" {
            parsed.schema = JSONRead.object(format["schema"])
            if parsed.schema == nil { parsed.problems.append("output_config.format.schema is missing") }
        }
        if let thinking = JSONRead.object(body["thinking"]) {
            let type = JSONRead.string(thinking["type"]) ?? ""
            let visible = JSONRead.string(thinking["display"]) != "omitted"
            switch type {
            case "enabled":
                parsed.reasoning = .init(
                    style: "budget", level: nil, budget: thinking["budget_tokens"] as? Int, visible: visible)
            case "adaptive":
                parsed.reasoning = .init(
                    style: "adaptive", level: JSONRead.string(outputConfig["effort"]), budget: nil, visible: visible)
            case "disabled": break
            default: parsed.problems.append("thinking.type \(type.debugDescription) is not enabled, adaptive or disabled")
            }
        }
        return parsed
    }

    // MARK: Gemini generateContent (and Gemini on Vertex)

    static func gemini(_ body: [String: Any]) -> ParsedRequest {
        var parsed = ParsedRequest()
        let system = JSONRead.object(JSONRead.either(body, "systemInstruction", "system_instruction"))
        parsed.systemTexts = JSONRead.objects(system?["parts"]).compactMap { JSONRead.string($0["text"]) }
        for (index, content) in JSONRead.objects(body["contents"]).enumerated() {
            let role = JSONRead.string(content["role"]) ?? "user"
            var turn = ParsedRequest.AssistantTurn(text: "", signatures: [], toolCallIDs: [])
            for part in JSONRead.objects(content["parts"]) {
                let signature = JSONRead.string(JSONRead.either(part, "thoughtSignature", "thought_signature"))
                if role == "model" {
                    if let signature { turn.signatures.append(signature) }
                    if let call = JSONRead.object(JSONRead.either(part, "functionCall", "function_call")) {
                        turn.toolCallIDs.append(JSONRead.string(call["name"]) ?? "")
                    } else if part["thought"] as? Bool != true, let text = JSONRead.string(part["text"]) {
                        turn.text += text
                    }
                    continue
                }
                if let text = JSONRead.string(part["text"]) {
                    parsed.userTexts.append(text)
                } else if let inline = JSONRead.object(JSONRead.either(part, "inlineData", "inline_data")) {
                    parsed.images.append(
                        .inline(
                            mediaType: JSONRead.string(JSONRead.either(inline, "mimeType", "mime_type")) ?? "",
                            base64: JSONRead.string(inline["data"]) ?? ""))
                } else if let file = JSONRead.object(JSONRead.either(part, "fileData", "file_data")) {
                    parsed.images.append(.url(JSONRead.string(JSONRead.either(file, "fileUri", "file_uri")) ?? ""))
                } else if let response = JSONRead.object(JSONRead.either(part, "functionResponse", "function_response"))
                {
                    let result = response["response"].map(JSONRead.text) ?? ""
                    parsed.toolResults.append(.init(callID: JSONRead.string(response["name"]) ?? "", content: result))
                } else {
                    parsed.problems.append("contents[\(index)]: a user part needs text, inlineData, fileData or functionResponse")
                }
            }
            if role == "model" { parsed.assistantTurns.append(turn) }
        }
        for tool in JSONRead.objects(body["tools"]) {
            for declaration in JSONRead.objects(JSONRead.either(tool, "functionDeclarations", "function_declarations")) {
                guard let name = JSONRead.string(declaration["name"]) else { continue }
                let schema =
                    JSONRead.object(JSONRead.either(declaration, "parametersJsonSchema", "parameters_json_schema"))
                    ?? JSONRead.object(declaration["parameters"]) ?? [:]
                parsed.tools.append((name, schema))
            }
        }
        let config = JSONRead.object(JSONRead.either(body, "generationConfig", "generation_config")) ?? [:]
        if JSONRead.string(JSONRead.either(config, "responseMimeType", "response_mime_type")) == "application/json" {
            parsed.schema =
                JSONRead.object(JSONRead.either(config, "responseJsonSchema", "response_json_schema"))
                ?? JSONRead.object(JSONRead.either(config, "responseSchema", "response_schema"))
            if parsed.schema == nil { parsed.problems.append("responseMimeType is application/json but no schema is given") }
        }
        if let thinking = JSONRead.object(JSONRead.either(config, "thinkingConfig", "thinking_config")) {
            let visible = JSONRead.either(thinking, "includeThoughts", "include_thoughts") as? Bool ?? false
            if let level = JSONRead.string(JSONRead.either(thinking, "thinkingLevel", "thinking_level")) {
                parsed.reasoning = .init(style: "level", level: level.lowercased(), budget: nil, visible: visible)
            } else if let budget = JSONRead.either(thinking, "thinkingBudget", "thinking_budget") as? Int {
                parsed.reasoning = .init(style: "budget", level: nil, budget: budget, visible: visible)
            }
            if JSONRead.either(thinking, "thinkingLevel", "thinking_level") != nil,
                JSONRead.either(thinking, "thinkingBudget", "thinking_budget") != nil
            {
                parsed.problems.append("thinkingConfig takes thinkingLevel or thinkingBudget, not both")
            }
        }
        parsed.cachePrefix = (parsed.systemTexts + parsed.userTexts.prefix(1)).joined()
        return parsed
    }

    // MARK: Helpers

    /// An image given as a URL: a `data:` URL is inline data, anything else a link.
    static func image(fromURL url: String) -> ParsedRequest.Image {
        guard url.hasPrefix("data:"), let comma = url.firstIndex(of: ",") else { return .url(url) }
        let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
        let mediaType = header.split(separator: ";").first.map(String.init) ?? ""
        guard header.hasSuffix(";base64") else { return .inline(mediaType: mediaType, base64: "") }
        return .inline(mediaType: mediaType, base64: String(url[url.index(after: comma)...]))
    }
}

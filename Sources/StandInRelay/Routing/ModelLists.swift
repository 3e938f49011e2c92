import Foundation
import RelayCatalog

/// The model lists the stand-in relay serves (`GET`), made from the catalog in each API's shape
/// at the paths ``Catalog/modelListEndpoints`` gives: OpenAI's every model with `owned_by`,
/// Anthropic's and Gemini's the models of their protocol with the capabilities the catalog
/// gives them, paged as the real APIs page (Anthropic 20 a page unless `limit` says otherwise,
/// Gemini 50 unless `pageSize` does), so `relaydocs catalog import` can be tried against it.
struct ModelLists: Sendable {
    let endpoints: [Catalog.ModelListEndpoint]
    let models: [RelayCatalog.Model]

    init(catalog: Catalog) {
        endpoints = catalog.modelListEndpoints
        models = catalog.models
    }

    /// The list a `GET` asks for. Where two lists share a path (a relay that serves Anthropic at
    /// its root has both OpenAI's and Anthropic's at `/v1/models`), an `anthropic-version` header
    /// asks for Anthropic's, as such relays decide.
    func endpoint(for request: RecordedRequest) -> Catalog.ModelListEndpoint? {
        let candidates = endpoints.filter { $0.path == request.path }
        if candidates.count > 1 {
            let wanted: ModelListKind = request.header("anthropic-version") != nil ? .anthropic : .openAI
            if let endpoint = candidates.first(where: { $0.kind == wanted }) { return endpoint }
        }
        return candidates.first
    }

    /// The answer to a request with an accepted key, as `mode` says.
    func answer(_ endpoint: Catalog.ModelListEndpoint, request: RecordedRequest, mode: StandInRelay.Mode) -> Answer {
        let dialect = Dialect.of(endpoint.protocolID)
        switch mode {
        case .unauthorized: return dialect.error(401, .unauthorized)
        case .notFound: return dialect.notFound(request)
        case .serverError: return dialect.error(500, .server)
        case .normal, .jsonToStream: break
        }
        let listed = models.filter { endpoint.kind == .openAI || $0.protocolIDs.contains(endpoint.protocolID) }
        switch endpoint.kind {
        case .openAI:
            return .json([
                "object": "list",
                "data": listed.map { model in
                    [
                        "id": model.id, "object": "model", "created": 1_700_000_000,
                        "owned_by": model.vendor.lowercased().replacingOccurrences(of: " ", with: "-"),
                    ] as [String: Any]
                },
            ])
        case .anthropic:
            let limit = request.queryValue("limit").flatMap(Int.init) ?? 20
            guard (1...1000).contains(limit) else {
                return AnthropicMessages.error(400, "limit: Input should be less than or equal to 1000")
            }
            var page = listed[...]
            if let after = request.queryValue("after_id") {
                guard let index = listed.firstIndex(where: { $0.id(on: endpoint.protocolID) == after }) else {
                    return AnthropicMessages.error(400, "after_id: no model \(after)")
                }
                page = listed[(index + 1)...]
            }
            let shown = Array(page.prefix(limit))
            let data = shown.map { Self.anthropicEntry($0, protocolID: endpoint.protocolID) }
            return .json([
                "data": data, "has_more": page.count > limit,
                "first_id": shown.first.map { $0.id(on: endpoint.protocolID) } ?? NSNull(),
                "last_id": shown.last.map { $0.id(on: endpoint.protocolID) } ?? NSNull(),
            ])
        case .gemini:
            let size = request.queryValue("pageSize").flatMap(Int.init) ?? 50
            let start = request.queryValue("pageToken").flatMap(Int.init) ?? 0
            guard size >= 1, start >= 0, start <= listed.count else {
                return GeminiGenerate.error(400, "Invalid page size or token.", status: "INVALID_ARGUMENT")
            }
            let shown = listed[start..<min(listed.count, start + size)]
            var object: [String: Any] = [
                "models": shown.map { model in
                    [
                        "name": "models/" + model.id(on: endpoint.protocolID), "displayName": model.name,
                        "supportedGenerationMethods": ["generateContent", "countTokens"],
                        "thinking": model.features.contains("reasoning"),
                    ] as [String: Any]
                }
            ]
            if start + size < listed.count { object["nextPageToken"] = String(start + size) }
            return .json(object)
        }
    }

    /// An Anthropic `ModelInfo` with the capabilities the catalog gives the model.
    static func anthropicEntry(_ model: RelayCatalog.Model, protocolID: String) -> [String: Any] {
        func supported(_ flag: Bool) -> [String: Any] { ["supported": flag] }
        let style = model.reasoning?.style
        var effort: [String: Any] = ["supported": style == .adaptive]
        for level in model.reasoning?.levels ?? [] where style == .adaptive { effort[level] = supported(true) }
        return [
            "id": model.id(on: protocolID), "type": "model", "display_name": model.name,
            "created_at": "2025-05-14T00:00:00Z",
            "capabilities": [
                "image_input": supported(model.features.contains("vision")),
                "structured_outputs": supported(model.features.contains("json")),
                "thinking": [
                    "supported": model.features.contains("reasoning"),
                    "types": ["enabled": supported(style == .budget), "adaptive": supported(style == .adaptive)],
                ] as [String: Any],
                "effort": effort,
            ] as [String: Any],
        ]
    }
}

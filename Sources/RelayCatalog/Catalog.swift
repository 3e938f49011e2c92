/// Everything relaydocs knows about one relay: where it lives, which providers it re-hosts,
/// the wire protocols it speaks, the client libraries the snippets use and the models it serves.
///
/// A catalog is loaded from YAML with ``Catalog/load(yaml:path:)`` and is valid by construction:
/// every reference between its parts resolves.
public struct Catalog: Sendable, Hashable {
    /// The relay itself.
    public var relay: Relay
    /// The providers whose APIs the relay re-hosts, in catalog order.
    public var providers: [Provider]
    /// The wire protocols the relay speaks, in catalog order.
    public var protocols: [WireProtocol]
    /// The client libraries snippets are written for.
    public var sdks: [SDK]
    /// The models the relay serves, in catalog order.
    public var models: [Model] {
        didSet { modelPositions = Self.positions(of: models) }
    }
    /// Each model's place in ``models`` by id (the first, when ids repeat): ``model(id:)`` is
    /// called for every snippet, and a catalog can list hundreds of models.
    private var modelPositions: [String: Int]
    /// How `relaydocs catalog import` turns the relay's model lists into models (the optional
    /// `import:` section), in catalog order; the first rule a listed model matches applies.
    public var importRules: [ImportRule]

    /// Creates a catalog from its parts; ``load(yaml:path:)`` validates them, this does not.
    public init(
        relay: Relay, providers: [Provider], protocols: [WireProtocol], sdks: [SDK], models: [Model],
        importRules: [ImportRule] = []
    ) {
        self.relay = relay
        self.providers = providers
        self.protocols = protocols
        self.sdks = sdks
        self.models = models
        self.modelPositions = Self.positions(of: models)
        self.importRules = importRules
    }

    private static func positions(of models: [Model]) -> [String: Int] {
        Dictionary(models.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (left: Catalog, right: Catalog) -> Bool {
        left.relay == right.relay && left.providers == right.providers && left.protocols == right.protocols
            && left.sdks == right.sdks && left.models == right.models && left.importRules == right.importRules
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(relay)
        hasher.combine(providers)
        hasher.combine(protocols)
        hasher.combine(sdks)
        hasher.combine(models)
        hasher.combine(importRules)
    }

    /// The provider with the given id.
    public func provider(id: String) -> Provider? { providers.first { $0.id == id } }

    /// The protocol with the given id.
    public func wireProtocol(id: String) -> WireProtocol? { protocols.first { $0.id == id } }

    /// The SDK with the given id.
    public func sdk(id: String) -> SDK? { sdks.first { $0.id == id } }

    /// The model with the given id.
    public func model(id: String) -> Model? { modelPositions[id].map { models[$0] } }

    /// The provider that serves a protocol.
    public func provider(of wireProtocol: WireProtocol) -> Provider {
        guard let provider = provider(id: wireProtocol.providerID) else {
            preconditionFailure("catalog was not validated: protocol \(wireProtocol.id) names an unknown provider")
        }
        return provider
    }

    /// The SDK that snippets of a protocol use in a language.
    public func sdk(for wireProtocol: WireProtocol, in language: Language) -> SDK {
        guard let id = wireProtocol.sdkIDs[language], let sdk = sdk(id: id) else {
            preconditionFailure("catalog was not validated: protocol \(wireProtocol.id) has no \(language) SDK")
        }
        return sdk
    }

    /// The relay base URL of a provider: the relay's origin followed by the provider's path.
    public func relayBaseURL(of provider: Provider) -> String {
        relay.origin.text + provider.relayPath
    }

    /// The languages the catalog has SDKs for, in the order the SDKs list them.
    public var languages: [Language] {
        var languages: [Language] = []
        for sdk in sdks where !languages.contains(sdk.language) { languages.append(sdk.language) }
        return languages
    }

    /// The id a model is sent as through a protocol: the catalog's per-protocol id where it has
    /// one (Vertex's `claude-sonnet-4@20250514`), else the model id as given.
    public func modelID(_ model: String, on wireProtocol: WireProtocol) -> String {
        self.model(id: model)?.id(on: wireProtocol.id) ?? model
    }

    /// The path below the provider's relay base URL that raw HTTP clients call for a protocol
    /// and model, with the query (such as `?alt=sse`) where the protocol has one.
    ///
    /// The model (as ``modelID(_:on:)`` gives it) enters the path as a percent-encoded path
    /// segment, so a model id can never add a segment, a query or a fragment.
    public func endpointPath(of wireProtocol: WireProtocol, model: String, stream: Bool) -> String {
        let template = stream ? (wireProtocol.streamEndpoint ?? wireProtocol.endpoint) : wireProtocol.endpoint
        var values = ["{apiVersion}": wireProtocol.apiVersion ?? ""]
        for (name, value) in wireProtocol.values { values["{\(name)}"] = PathSegment.encode(value) }
        values["{model}"] = PathSegment.encode(modelID(model, on: wireProtocol))
        return Self.filling(template, values)
    }

    /// The base URL an SDK is given for a protocol: the provider's relay base URL followed by the
    /// protocol's ``WireProtocol/sdkBase``.
    public func sdkBaseURL(of wireProtocol: WireProtocol) -> String {
        relayBaseURL(of: provider(of: wireProtocol)) + wireProtocol.sdkBase
    }

    /// The path an SDK appends to ``sdkBaseURL(of:)``: ``endpointPath(of:model:stream:)`` without
    /// the protocol's ``WireProtocol/sdkBase``.
    public func sdkPath(of wireProtocol: WireProtocol, model: String, stream: Bool) -> String {
        String(endpointPath(of: wireProtocol, model: model, stream: stream).dropFirst(wireProtocol.sdkBase.count))
    }

    /// The full URL that raw HTTP clients call for a protocol and model: the provider's relay
    /// base URL followed by ``endpointPath(of:model:stream:)``.
    public func endpointURL(of wireProtocol: WireProtocol, model: String, stream: Bool) -> String {
        relayBaseURL(of: provider(of: wireProtocol)) + endpointPath(of: wireProtocol, model: model, stream: stream)
    }

    /// `template` with each `{name}` placeholder replaced; other text as it is. (Foundation's
    /// `replacingOccurrences` was a sixth of a snippet's rendering.)
    public static func filling(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        // Found on bytes (the braces are ASCII, so each cut is at a character boundary): by
        // characters, texts in Chinese cost most of the model pages' phrases.
        var result = ""
        result.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            result += rest[..<open]
            guard let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: "}")),
                let value = values[String(rest[open...close])]
            else {
                result += "{"
                rest = rest[rest.utf8.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.utf8.index(after: close)...]
        }
        return result + rest
    }

    /// A copy of the catalog served from another origin; each provider keeps its path.
    public func replacingOrigin(with origin: RelayOrigin) -> Catalog {
        var copy = self
        copy.relay.origin = origin
        return copy
    }
}

/// A language snippets are written in, such as `python` or `curl`, named by its id.
///
/// Which languages exist is data, not code: each has a folder of templates
/// (`templates/snippets/languages/<id>/language.yaml`) and the catalog names the SDK each
/// protocol's snippets use in it.
public struct Language: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id, such as `python`.
    public let rawValue: String

    /// A language by its id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A language by its id, written as a literal: `"python"`.
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    /// Python with the official SDKs.
    public static let python: Language = "python"
    /// curl in a POSIX shell.
    public static let curl: Language = "curl"
    /// Swift with Foundation's URLSession.
    public static let swift: Language = "swift"
}

/// The relay's own settings.
public struct Relay: Sendable, Hashable {
    /// The relay's display name.
    public var name: String
    /// Where the relay is served; every relay base URL starts with it.
    public var origin: RelayOrigin
    /// The key shown when no real key is given.
    public var placeholderKey: APIKey
    /// The prompt snippets send when none is given.
    public var defaultPrompt: String

    /// Creates the relay settings.
    public init(name: String, origin: RelayOrigin, placeholderKey: APIKey, defaultPrompt: String) {
        self.name = name
        self.origin = origin
        self.placeholderKey = placeholderKey
        self.defaultPrompt = defaultPrompt
    }
}

/// A provider whose API the relay re-hosts, such as OpenAI or Anthropic.
public struct Provider: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The provider's own base URL, which users replace.
    public var originalBaseURL: String
    /// The path after the relay's origin that replaces the original base URL, such as `/v1`.
    public var relayPath: String
    /// A short remark for the domain-replacement table.
    public var note: LocalizedText

    /// Creates a provider.
    public init(id: String, name: String, originalBaseURL: String, relayPath: String, note: LocalizedText) {
        self.id = id
        self.name = name
        self.originalBaseURL = originalBaseURL
        self.relayPath = relayPath
        self.note = note
    }
}

/// A wire protocol the relay speaks, such as OpenAI Chat Completions or Anthropic Messages.
///
/// The id names the protocol's wire format, which templates and the stand-in relay know; the
/// catalog says where the relay serves it and with which versions and values.
public struct WireProtocol: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The id of the provider whose base URL the protocol is served under.
    public var providerID: String
    /// The protocol's API version, where it has one: Gemini's path segment, Anthropic's header.
    public var apiVersion: String?
    /// The path below the provider's relay base URL; may hold `{model}`, `{apiVersion}` and the
    /// names of ``values``.
    public var endpoint: String
    /// The streaming path, where it differs from ``endpoint``.
    public var streamEndpoint: String?
    /// The start of ``endpoint`` (and ``streamEndpoint``) that SDKs take as part of their base URL,
    /// such as `/v1` for `AnthropicVertex`, whose `base_url` ends in the version; empty when SDKs
    /// take the provider's relay base URL as it is.
    public var sdkBase: String
    /// More values the protocol's paths or bodies need, such as Vertex's `project` and `region`.
    public var values: [String: String]
    /// The features the relay serves over this protocol (`reasoning`, `caching`, `tools`, `vision`,
    /// `json`); a recipe that needs one the protocol lacks is not offered.
    public var features: [String]
    /// The reasoning styles the protocol carries (``Reasoning/Style``).
    public var reasoningStyles: [Reasoning.Style]
    /// The SDK each language's snippets use.
    public var sdkIDs: [Language: String]

    /// Creates a protocol.
    public init(
        id: String, name: String, providerID: String, apiVersion: String?, endpoint: String,
        streamEndpoint: String?, sdkBase: String = "", values: [String: String] = [:], features: [String] = [],
        reasoningStyles: [Reasoning.Style] = [], sdkIDs: [Language: String]
    ) {
        self.id = id
        self.name = name
        self.providerID = providerID
        self.apiVersion = apiVersion
        self.endpoint = endpoint
        self.streamEndpoint = streamEndpoint
        self.sdkBase = sdkBase
        self.values = values
        self.features = features
        self.reasoningStyles = reasoningStyles
        self.sdkIDs = sdkIDs
    }
}

/// A client library (or client) that snippets are written for.
public struct SDK: Sendable, Hashable {
    public var id: String
    public var language: Language
    /// The name users install, such as `google-genai` on PyPI.
    public var package: String
    /// The version range the snippets are written for, such as `>=1.66,<4`.
    public var versions: String
    /// Why the range is what it is, where it was narrowed.
    public var note: String?

    /// Creates an SDK entry.
    public init(id: String, language: Language, package: String, versions: String, note: String? = nil) {
        self.id = id
        self.language = language
        self.package = package
        self.versions = versions
        self.note = note
    }
}

/// How a model is told how hard to think, and which depths it takes.
public struct Reasoning: Sendable, Hashable {
    /// The API's knob for reasoning depth.
    public enum Style: String, Sendable, Hashable, CaseIterable {
        /// A named effort: OpenAI `reasoning_effort` / Responses `reasoning.effort`.
        case effort
        /// Anthropic adaptive thinking with `output_config.effort`.
        case adaptive
        /// A token budget: Anthropic `budget_tokens`, Gemini `thinkingBudget`.
        case budget
        /// A named thinking level: Gemini `thinkingLevel`.
        case level
    }

    public var style: Style
    /// The depths the model takes, for `effort`, `adaptive` and `level`.
    public var levels: [String]
    /// The depth snippets ask for unless told otherwise: a level, or a budget in tokens.
    public var defaultLevel: String?
    /// The budget snippets ask for unless told otherwise, for `budget`.
    public var defaultBudget: Int?

    /// Creates a reasoning description.
    public init(style: Style, levels: [String] = [], defaultLevel: String? = nil, defaultBudget: Int? = nil) {
        self.style = style
        self.levels = levels
        self.defaultLevel = defaultLevel
        self.defaultBudget = defaultBudget
    }
}

/// A model the relay serves.
public struct Model: Sendable, Hashable {
    public var id: String
    public var name: String
    public var vendor: String
    /// The ids of the protocols the model accepts; the first is its native protocol.
    public var protocolIDs: [String]
    /// The model's id on a protocol where it differs from ``id``, such as Vertex's
    /// `claude-sonnet-4@20250514`.
    public var protocolModelIDs: [String: String]
    /// What the model can do: `reasoning`, `caching`, `tools`, `vision`, `json`.
    public var features: [String]
    /// How the model reasons, when it has the `reasoning` feature.
    public var reasoning: Reasoning?

    /// Creates a model.
    public init(
        id: String, name: String, vendor: String, protocolIDs: [String], protocolModelIDs: [String: String] = [:],
        features: [String] = [], reasoning: Reasoning? = nil
    ) {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.protocolIDs = protocolIDs
        self.protocolModelIDs = protocolModelIDs
        self.features = features
        self.reasoning = reasoning
    }

    /// The id to send through a protocol.
    public func id(on protocolID: String) -> String { protocolModelIDs[protocolID] ?? id }
}

/// Text in one or more locales, such as `zh` and `en`.
public struct LocalizedText: Sendable, Hashable {
    /// The text by locale code, in catalog order.
    public var translations: [(locale: String, text: String)]

    /// Creates localized text.
    public init(_ translations: [(locale: String, text: String)]) {
        self.translations = translations
    }

    /// The text for a locale, falling back to English and then to the first translation.
    public func text(for locale: String) -> String {
        translations.first { $0.locale == locale }?.text
            ?? translations.first { $0.locale == "en" }?.text
            ?? translations.first?.text ?? ""
    }

    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.translations.elementsEqual(rhs.translations) { $0.locale == $1.locale && $0.text == $1.text }
    }

    public func hash(into hasher: inout Hasher) {
        for translation in translations {
            hasher.combine(translation.locale)
            hasher.combine(translation.text)
        }
    }
}

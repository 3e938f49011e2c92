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
    public var models: [Model]

    /// Creates a catalog from its parts; ``load(yaml:path:)`` validates them, this does not.
    public init(relay: Relay, providers: [Provider], protocols: [WireProtocol], sdks: [SDK], models: [Model]) {
        self.relay = relay
        self.providers = providers
        self.protocols = protocols
        self.sdks = sdks
        self.models = models
    }

    /// The provider with the given id.
    public func provider(id: String) -> Provider? { providers.first { $0.id == id } }

    /// The protocol with the given id.
    public func wireProtocol(id: String) -> WireProtocol? { protocols.first { $0.id == id } }

    /// The SDK with the given id.
    public func sdk(id: String) -> SDK? { sdks.first { $0.id == id } }

    /// The model with the given id.
    public func model(id: String) -> Model? { models.first { $0.id == id } }

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

    /// The full URL that raw HTTP clients call for a protocol and model.
    ///
    /// The model enters the path as a percent-encoded path segment, so a model id can never
    /// add a segment, a query or a fragment.
    public func endpointURL(of wireProtocol: WireProtocol, model: String, stream: Bool) -> String {
        let template = stream ? (wireProtocol.streamEndpoint ?? wireProtocol.endpoint) : wireProtocol.endpoint
        let path = Self.filling(
            template, ["{apiVersion}": wireProtocol.apiVersion ?? "", "{model}": PathSegment.encode(model)])
        return relayBaseURL(of: provider(of: wireProtocol)) + path
    }

    /// `template` with each `{name}` placeholder replaced; other text as it is. (Foundation's
    /// `replacingOccurrences` was a sixth of a snippet's rendering.)
    public static func filling(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                let value = values[String(rest[open...close])]
            else {
                result += rest[open...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
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

/// The programming languages (and the one HTTP client) that snippets are written in.
public enum Language: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case python
    case curl
    case swift

    public var description: String { rawValue }
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
public struct WireProtocol: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The id of the provider whose base URL the protocol is served under.
    public var providerID: String
    /// The protocol's API version, where it has one: Gemini's path segment, Anthropic's header.
    public var apiVersion: String?
    /// The path below the provider's relay base URL; may hold `{model}` and `{apiVersion}`.
    public var endpoint: String
    /// The streaming path, where it differs from ``endpoint``.
    public var streamEndpoint: String?
    /// The SDK each language's snippets use.
    public var sdkIDs: [Language: String]

    /// Creates a protocol.
    public init(
        id: String, name: String, providerID: String, apiVersion: String?, endpoint: String,
        streamEndpoint: String?, sdkIDs: [Language: String]
    ) {
        self.id = id
        self.name = name
        self.providerID = providerID
        self.apiVersion = apiVersion
        self.endpoint = endpoint
        self.streamEndpoint = streamEndpoint
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

    /// Creates an SDK entry.
    public init(id: String, language: Language, package: String, versions: String) {
        self.id = id
        self.language = language
        self.package = package
        self.versions = versions
    }
}

/// A model the relay serves.
public struct Model: Sendable, Hashable {
    public var id: String
    public var name: String
    public var vendor: String
    /// The ids of the protocols the model accepts; the first is its native protocol.
    public var protocolIDs: [String]

    /// Creates a model.
    public init(id: String, name: String, vendor: String, protocolIDs: [String]) {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.protocolIDs = protocolIDs
    }
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

import Foundation
import RelayCatalog

/// What `relaydocs doctor` asks: a client (a client id of the templates, or an SDK id of the
/// catalog), the base URL a user gave it, and optionally the protocol, model and SDK release.
public struct DoctorRequest: Sendable, Equatable {
    public var client: String
    public var baseURL: String
    public var protocolID: String?
    public var model: String?
    public var sdkVersion: String?
    /// `en` or `zh` (any locale of `doctor/strings.yaml`).
    public var locale: String

    /// Creates a request.
    public init(
        client: String, baseURL: String, protocolID: String? = nil, model: String? = nil, sdkVersion: String? = nil,
        locale: String = "en"
    ) {
        self.client = client
        self.baseURL = baseURL
        self.protocolID = protocolID
        self.model = model
        self.sdkVersion = sdkVersion
        self.locale = locale
    }
}

/// The doctor's answer: the URL the client will request with the base URL, whether the relay
/// serves it, and when not the base URL to use instead and why.
public struct Diagnosis: Sendable, Equatable {
    public var client: String
    public var clientName: String
    public var protocolID: String
    public var baseURL: String
    public var requestURL: String
    public var served: Bool
    public var suggestedBaseURL: String?
    public var reason: String?
    /// The SDK releases the answer holds for (`google-genai >=3,<4`), for SDK ids.
    public var releases: String?

    /// `{"client", "baseURL", "requestURL", "served", "suggestedBaseURL", "reason"}`, one key a line.
    public var json: String {
        func string(_ text: String?) -> String { text.map(JSONLiteral.string) ?? "null" }
        return """
            {
              "client": \(string(client)),
              "baseURL": \(string(baseURL)),
              "requestURL": \(string(requestURL)),
              "served": \(served),
              "suggestedBaseURL": \(string(suggestedBaseURL)),
              "reason": \(string(reason))
            }

            """
    }

    /// The answer for a person, with the labels of a locale.
    func text(labels: [String: LocalizedText], locale: String) -> String {
        func label(_ name: String) -> String { labels[name]?.text(for: locale) ?? name }
        var rows: [(String, String)] = [
            (label("client"), "\(clientName) (\(client)\(releases.map { " " + $0 } ?? "")), \(protocolID)"),
            (label("baseURL"), baseURL),
            (label("request"), "POST " + requestURL),
            (label("served"), label(served ? "yes" : "no")),
        ]
        if !served {
            if let suggestedBaseURL { rows.append((label("suggested"), suggestedBaseURL)) }
            if let reason { rows.append((label("reason"), reason)) }
        }
        // Columns as a terminal shows them: CJK characters take two.
        func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        let widest = rows.map { width($0.0) }.max() ?? 0
        return rows.map { $0.0 + ":" + String(repeating: " ", count: widest - width($0.0) + 1) + $0.1 }
            .joined(separator: "\n") + "\n"
    }
}

extension SnippetGenerator {
    /// `relaydocs doctor`: the diagnosis as text or JSON; `failed` when the relay does not serve
    /// the request (exit 1), a usage error (exit 64) for an unknown client, protocol or model, a
    /// URL that is not one, or an SDK release outside the catalog's range.
    public func doctorCommand(_ request: DoctorRequest, json: Bool) -> CommandOutput {
        do throws(SnippetError) {
            let diagnosis = try diagnose(request)
            let labels = templates.doctor?.labels ?? [:]
            var output = CommandOutput(
                standardOutput: json ? diagnosis.json : diagnosis.text(labels: labels, locale: request.locale))
            output.failed = !diagnosis.served
            return output
        } catch {
            var output = CommandOutput.failure(error)
            output.usageError = true
            return output
        }
    }

    /// The request URL a client sends with a base URL, whether the relay serves it, and the fix.
    ///
    /// The relay is taken to be at the scheme and host of the base URL (with the catalog origin's
    /// path prefix), so the answer holds for a staging relay or the stand-in relay as well.
    public func diagnose(_ request: DoctorRequest) throws(SnippetError) -> Diagnosis {
        guard let rules = templates.doctor else {
            throw .invalidValue(
                InvalidValue("the templates (\(templates.origin)) have no doctor/ folder, so no join rules"))
        }
        let locales = rules.reasons["missing"]?.translations.map(\.locale) ?? ["en"]
        guard locales.contains(request.locale) else {
            throw .invalidValue(
                InvalidValue(
                    "--locale: \(request.locale.debugDescription) is not one of \(locales.joined(separator: ", "))"))
        }
        let isSDK = rules.sdks[request.client] != nil && catalog.sdk(id: request.client) != nil
        let definition = templates.client(id: request.client)
        guard let ruleSet = definition != nil ? rules.clients[request.client] : isSDK ? rules.sdks[request.client] : nil
        else {
            let known = templates.clients.map(\.id) + rules.sdkIDs.filter { catalog.sdk(id: $0) != nil }
            throw .unknownClient(request.client, known: known)
        }
        let name = definition?.name ?? catalog.sdk(id: request.client)?.package ?? request.client
        // The base URL.
        let base = request.baseURL
        let origin = try Self.origin(of: base, verbatimMark: ruleSet.protocols.values.compactMap(\.verbatimMark).first)
        // The protocol: given, else the one whose relay path the base URL's path starts with.
        let spoken =
            (definition?.protocolIDs ?? rules.sdks[request.client].map { sets in
                catalog.protocols.map(\.id).filter { sets.protocols[$0] != nil }
            } ?? []).filter { catalog.wireProtocol(id: $0) != nil && ruleSet.protocols[$0] != nil }
        let protocolID: String
        if let given = request.protocolID {
            guard spoken.contains(given) else {
                throw .invalidValue(
                    InvalidValue(
                        "--protocol: \(request.client) speaks \(spoken.joined(separator: ", ")), not \(given)"))
            }
            protocolID = given
        } else {
            let path = String(base.dropFirst(origin.count))
            let relayPrefix = catalog.relay.origin.path
            let fitting = spoken.filter { id in
                guard let wire = catalog.wireProtocol(id: id) else { return false }
                let prefix = relayPrefix + catalog.provider(of: wire).relayPath
                return !prefix.isEmpty && (path == prefix || path.hasPrefix(prefix + "/"))
            }
            let longest = fitting.max { a, b in
                relayPath(of: a).count < relayPath(of: b).count
            }
            guard let chosen = longest ?? spoken.first else {
                throw .invalidValue(InvalidValue("\(request.client) speaks no protocol of the catalog"))
            }
            protocolID = chosen
        }
        guard let wireProtocol = catalog.wireProtocol(id: protocolID), let rule = ruleSet.protocols[protocolID] else {
            throw .unknownProtocol(protocolID, known: spoken)
        }
        // The model.
        let model: String
        if let given = request.model {
            model = catalog.modelID(given, on: wireProtocol)
        } else {
            guard
                let found = catalog.models.first(where: { $0.protocolIDs.first == protocolID })
                    ?? catalog.models.first(where: { $0.protocolIDs.contains(protocolID) })
            else { throw .invalidValue(InvalidValue("no model of the catalog is served through \(protocolID)")) }
            model = found.id(on: protocolID)
        }
        // The API version.
        let (apiVersion, releases) = try apiVersion(rule, of: wireProtocol, request: request, isSDK: isSDK)
        // The request, and whether the relay serves it.
        let requestURL = Self.join(base, rule, apiVersion: apiVersion, model: model)
        let served = serves(String(requestURL.dropFirst(origin.count)), wireProtocol)
        var diagnosis = Diagnosis(
            client: request.client, clientName: name, protocolID: protocolID, baseURL: base, requestURL: requestURL,
            served: served, suggestedBaseURL: nil, reason: nil, releases: releases)
        guard !served else { return diagnosis }
        // The base URL to use: the set-up's (or the SDK's) at this origin.
        let suggested = try rightBaseURL(
            definition: definition, wireProtocol: wireProtocol, origin: origin + catalog.relay.origin.path)
        let suggestedRequest = Self.join(suggested, rule, apiVersion: apiVersion, model: model)
        let suggestedPath = String(suggestedRequest.dropFirst(origin.count))
        let requestPath = String(requestURL.dropFirst(origin.count))
        let words = rules.reasons
        func say(_ reason: String, part: String = "") -> String {
            Catalog.filling(
                words[reason]?.text(for: request.locale) ?? reason,
                [
                    "{client}": name, "{part}": part,
                    "{appends}": Catalog.filling(
                        rule.appends, ["{apiVersion}": apiVersion, "{model}": PathSegment.encode(model)]),
                    "{request}": requestPath, "{served}": suggestedPath, "{protocol}": wireProtocol.name,
                    "{suggested}": suggested,
                ])
        }
        guard serves(suggestedPath, wireProtocol) else {
            diagnosis.reason = say("noBaseURL")
            return diagnosis
        }
        diagnosis.suggestedBaseURL = suggested
        if suggested.hasPrefix(base), suggested != base {
            diagnosis.reason = say("missing", part: String(suggested.dropFirst(base.count)))
        } else if base.hasPrefix(suggested), suggested != base {
            diagnosis.reason = say("extra", part: String(base.dropFirst(suggested.count)))
        } else {
            diagnosis.reason = say("other")
        }
        return diagnosis
    }

    /// The base URL a client is given for a protocol at an origin: its set-up's (`client.yaml`),
    /// or for an SDK the catalog's SDK base URL.
    func rightBaseURL(definition: ClientDefinition?, wireProtocol: WireProtocol, origin: String) throws(SnippetError)
        -> String
    {
        let moved: Catalog
        do {
            moved = catalog.replacingOrigin(with: try RelayOrigin(origin))
        } catch {
            throw .invalidValue(InvalidValue("--base-url: \(error.message)"))
        }
        guard let shape = definition?.setup(for: wireProtocol.id) else { return moved.sdkBaseURL(of: wireProtocol) }
        var providerBase = moved.relayBaseURL(of: moved.provider(of: wireProtocol))
        if let strip = shape.strip, providerBase.hasSuffix(strip) { providerBase.removeLast(strip.count) }
        return Catalog.filling(
            shape.baseURL,
            [
                "{base}": providerBase, "{origin}": moved.relay.origin.text,
                "{apiVersion}": wireProtocol.apiVersion ?? "",
            ])
    }

    /// For every client and catalog SDK with join rules, through each protocol it speaks: the
    /// base URL to enter and the request that results, and a common mistake (the first the relay
    /// does not serve of: the version segment dropped, the version added, the last segment
    /// dropped, the whole endpoint pasted) with its request. The docs site's base-URL table.
    public func doctorTable() throws(SnippetError) -> [DoctorTableRow] {
        guard let rules = templates.doctor else { return [] }
        let origin = catalog.relay.origin.text
        let host = String(origin.dropLast(catalog.relay.origin.path.count))
        var entries: [(id: String, name: String, definition: ClientDefinition?, protocols: [String])] = []
        for client in templates.clients where rules.clients[client.id] != nil {
            entries.append((client.id, client.name, client, client.protocolIDs))
        }
        for id in rules.sdkIDs {
            guard let sdk = catalog.sdk(id: id), let set = rules.sdks[id] else { continue }
            entries.append((id, sdk.package, nil, catalog.protocols.map(\.id).filter { set.protocols[$0] != nil }))
        }
        var rows: [DoctorTableRow] = []
        for entry in entries {
            for protocolID in entry.protocols {
                guard let wire = catalog.wireProtocol(id: protocolID) else { continue }
                let right = try rightBaseURL(definition: entry.definition, wireProtocol: wire, origin: origin)
                func ask(_ base: String) throws(SnippetError) -> Diagnosis {
                    try diagnose(DoctorRequest(client: entry.id, baseURL: base, protocolID: protocolID))
                }
                let answer = try ask(right)
                let path = String(right.dropFirst(host.count))
                // The version segment dropped (when the base URL ends in one), the protocol's version (or
                // /v1) added, the last segment dropped, the whole endpoint pasted.
                var candidates: [String] = []
                let last = path.split(separator: "/").last.map(String.init) ?? ""
                if Self.hasVersionSegment("x://h/" + last), let cut = path.lastIndex(of: "/") {
                    candidates.append(host + path[..<cut])
                }
                let version =
                    rules.clients[entry.id]?.protocols[protocolID]?.appends.contains("{apiVersion}") == true
                        || entry.definition == nil ? wire.apiVersion : nil
                candidates.append(right + "/" + (version ?? "v1"))
                if let cut = path.lastIndex(of: "/") { candidates.append(host + path[..<cut]) }
                candidates.append(answer.requestURL)
                var mistake = "", mistakeRequest = ""
                for candidate in candidates {
                    let wrong = try ask(candidate)
                    if !wrong.served {
                        mistake = candidate
                        mistakeRequest = wrong.requestURL
                        break
                    }
                }
                rows.append(
                    DoctorTableRow(
                        client: entry.id, name: entry.name, protocolID: protocolID, baseURL: right,
                        requestURL: answer.requestURL, mistake: mistake, mistakeRequestURL: mistakeRequest))
            }
        }
        return rows
    }

    private func relayPath(of protocolID: String) -> String {
        guard let wire = catalog.wireProtocol(id: protocolID) else { return "" }
        return catalog.provider(of: wire).relayPath
    }

    /// The API version a rule fills in, and the SDK releases it holds for (SDK ids only).
    private func apiVersion(_ rule: JoinRule, of wireProtocol: WireProtocol, request: DoctorRequest, isSDK: Bool)
        throws(SnippetError) -> (String, String?)
    {
        var release: ReleaseVersion?
        var range: VersionRange?
        if let sdk = catalog.sdk(id: request.client), isSDK {
            do throws(InvalidValue) { range = try VersionRange(sdk.versions) } catch {}
        }
        if let text = request.sdkVersion {
            guard isSDK, let range else {
                throw .invalidValue(
                    InvalidValue("--sdk-version: only the catalog's SDK ids take it; \(request.client) is a client"))
            }
            guard let version = ReleaseVersion(text) else {
                throw .invalidValue(
                    InvalidValue("--sdk-version: \(text.debugDescription) is not a release such as 3.6.1"))
            }
            guard range.admits(version) else {
                throw .invalidValue(
                    InvalidValue(
                        "--sdk-version: \(text) is outside the catalog's range for \(request.client) (\(range.text))"))
            }
            release = version
        }
        let releases = release.map { "\($0)" } ?? range?.text
        switch rule.apiVersion {
        case nil: return ("", releases)
        case .catalog: return (wireProtocol.apiVersion ?? "", releases)
        case .fixed(let value): return (value, releases)
        case .byRelease(let values):
            let parsed = values.compactMap { value -> (VersionRange, String)? in
                do throws(InvalidValue) { return (try VersionRange(value.versions), value.value) } catch { return nil }
            }
            if let release, let found = parsed.first(where: { $0.0.admits(release) }) {
                return (found.1, "\(release)")
            }
            // Without a release: the newest part of the catalog's range, what pip installs today.
            let fitting = parsed.filter { candidate in range.map { Self.overlap(candidate.0, $0) } ?? true }
            guard let chosen = fitting.last ?? parsed.last else { return ("", releases) }
            return (chosen.1, range.map { "\(Self.intersection(chosen.0, $0))" } ?? chosen.0.text)
        }
    }

    /// Whether two ranges of `>=`/`<` clauses share a release.
    static func overlap(_ a: VersionRange, _ b: VersionRange) -> Bool {
        let low = [a.lower, b.lower].compactMap { $0 }.max()
        let high = [a.upper, b.upper].compactMap { $0 }.min()
        guard let low, let high else { return true }
        return low < high
    }

    /// `>=low,<high` of two ranges, as text.
    static func intersection(_ a: VersionRange, _ b: VersionRange) -> String {
        let low = [a.lower, b.lower].compactMap { $0 }.max()
        let high = [a.upper, b.upper].compactMap { $0 }.min()
        return [low.map { ">=\($0)" }, high.map { "<\($0)" }].compactMap { $0 }.joined(separator: ",")
    }

    /// `scheme://host[:port]` of a base URL, or a usage error saying what is wrong with it.
    static func origin(of text: String, verbatimMark: String?) throws(SnippetError) -> String {
        let expected = "expected an http or https URL such as https://api.example.com/v1"
        var checked = text
        if let verbatimMark, checked.hasSuffix(verbatimMark) { checked.removeLast(verbatimMark.count) }
        guard !checked.isEmpty, checked.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
            let components = URLComponents(string: checked), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw .invalidValue(InvalidValue("--base-url: \(text.debugDescription) is not a URL; \(expected)")) }
        guard components.query == nil, components.fragment == nil, components.user == nil else {
            throw .invalidValue(
                InvalidValue("--base-url: \(text.debugDescription) has a query, fragment or user; \(expected)"))
        }
        let afterScheme = checked.dropFirst(scheme.count + 3)
        let authority = afterScheme.prefix { $0 != "/" }
        return String(checked.prefix(scheme.count + 3)) + authority
    }

    /// The URL a rule makes of a base URL.
    static func join(_ base: String, _ rule: JoinRule, apiVersion: String, model: String) -> String {
        var url = base
        switch rule.trailingSlash {
        case .one: if url.hasSuffix("/") { url.removeLast() }
        case .all: while url.hasSuffix("/") { url.removeLast() }
        case .kept: break
        }
        var verbatim = false
        if let mark = rule.verbatimMark, url.hasSuffix(mark) {
            url.removeLast(mark.count)
            verbatim = true
        }
        if let adds = rule.addsVersion, !verbatim, !hasVersionSegment(url) { url += adds }
        return url
            + Catalog.filling(rule.appends, ["{apiVersion}": apiVersion, "{model}": PathSegment.encode(model)])
    }

    /// Whether a URL's path has a segment such as `v1`, `v2beta` (Cherry Studio's test).
    static func hasVersionSegment(_ url: String) -> Bool {
        let path = url.drop { $0 != ":" }.dropFirst(3).drop { $0 != "/" }
        return path.split(separator: "/").contains { segment in
            guard segment.first == "v", segment.count > 1 else { return false }
            let rest = segment.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            return !digits.isEmpty && ["", "alpha", "beta"].contains(String(rest.dropFirst(digits.count)))
        }
    }

    /// Whether the relay serves a path (below the origin) for a protocol: its endpoint below the
    /// provider's relay path, `{apiVersion}` any version segment, other placeholders any segment,
    /// as the stand-in relay's routes match.
    func serves(_ path: String, _ wireProtocol: WireProtocol) -> Bool {
        guard let pattern = try? NSRegularExpression(pattern: routePattern(of: wireProtocol)) else { return false }
        return pattern.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }

    /// The regular expression of the paths ``serves(_:_:)`` accepts for a protocol (the site's
    /// in-browser check matches with the same one).
    func routePattern(of wireProtocol: WireProtocol) -> String {
        let prefix = catalog.relay.origin.path + catalog.provider(of: wireProtocol).relayPath
        let endpoint = String(wireProtocol.endpoint.split(separator: "?", maxSplits: 1)[0])
        var pattern = "^"
        var rest = (prefix + endpoint)[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            pattern += rest[rest.index(after: open)..<close] == "apiVersion" ? "v[0-9]+[a-z0-9]*" : "[^/]+?"
            rest = rest[rest.index(after: close)...]
        }
        return pattern + NSRegularExpression.escapedPattern(for: String(rest)) + "$"
    }
}

/// One row of the docs site's base-URL table (``SnippetGenerator/doctorTable()``).
public struct DoctorTableRow: Sendable, Equatable {
    public var client: String
    public var name: String
    public var protocolID: String
    /// The base URL to enter, and the request URL it gives.
    public var baseURL: String
    public var requestURL: String
    /// A base URL people enter by mistake, and the request URL it gives (not served).
    public var mistake: String
    public var mistakeRequestURL: String
}

extension VersionRange {
    /// The release of its `>=` (or `==`) clause.
    var lower: ReleaseVersion? { clauses.first { $0.operation == ">=" || $0.operation == "==" }?.version }
    /// The release of its `<` clause.
    var upper: ReleaseVersion? { clauses.first { $0.operation == "<" }?.version }
}

extension RelayOrigin {
    /// The path prefix of the origin (`/relay` of `https://host/relay`), or empty.
    var path: String {
        let afterScheme = text.drop { $0 != ":" }.dropFirst(3)
        return String(afterScheme.drop { $0 != "/" })
    }
}

extension SnippetGenerator {
    /// What the docs site's base-URL check computes from in the browser, as JSON: for every row of
    /// ``doctorTable()`` the client's join rule (with the model and API version filled in), the
    /// pattern of the path the relay serves (below the origin), the base URL to suggest (below the
    /// host), and the doctor's words in a locale. The same rules as `relaydocs doctor`, so the
    /// browser tests can hold the two to the same answers.
    public func doctorCheckData(locale: String) throws(SnippetError) -> String {
        guard let rules = templates.doctor else { return "{}" }
        func string(_ text: String) -> String { JSONLiteral.string(text) }
        let origin = catalog.relay.origin.text
        let host = String(origin.dropLast(catalog.relay.origin.path.count))
        var entries: [String] = []
        for row in try doctorTable() {
            guard let wire = catalog.wireProtocol(id: row.protocolID) else { continue }
            let rule =
                templates.client(id: row.client) != nil
                ? rules.clients[row.client]?.protocols[row.protocolID]
                : rules.sdks[row.client]?.protocols[row.protocolID]
            guard let rule else { continue }
            let answer = try diagnose(
                DoctorRequest(client: row.client, baseURL: row.baseURL, protocolID: row.protocolID))
            let appends = String(
                answer.requestURL.dropFirst(
                    Self.join(
                        row.baseURL,
                        JoinRule(
                            appends: "", trailingSlash: rule.trailingSlash, addsVersion: rule.addsVersion,
                            verbatimMark: rule.verbatimMark), apiVersion: "", model: ""
                    ).count))
            let pattern = routePattern(of: wire)
            entries.append(
                "{\"client\": \(string(row.client)), \"name\": \(string(answer.clientName)), \"protocol\": \(string(row.protocolID)), "
                    + "\"protocolName\": \(string(wire.name)), \"appends\": \(string(appends)), "
                    + "\"trailingSlash\": \(string(rule.trailingSlash.rawValue)), \"addsVersion\": \(rule.addsVersion.map(string) ?? "null"), "
                    + "\"verbatimMark\": \(rule.verbatimMark.map(string) ?? "null"), \"served\": \(string(pattern)), "
                    + "\"suggested\": \(string(String(row.baseURL.dropFirst(host.count)))), \"example\": \(string(row.mistake))}"
            )
        }
        let reasons = DoctorRules.reasonNames.map {
            "\(string($0)): \(string(rules.reasons[$0]?.text(for: locale) ?? $0))"
        }
        let labels = DoctorRules.labelNames.map {
            "\(string($0)): \(string(rules.labels[$0]?.text(for: locale) ?? $0))"
        }
        return "{\"clients\": [" + entries.joined(separator: ", ") + "], \"reasons\": {"
            + reasons.joined(separator: ", ")
            + "}, \"labels\": {" + labels.joined(separator: ", ") + "}}"
    }
}

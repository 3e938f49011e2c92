import Foundation
import RelayCatalog
import RelaySnippets
import RelayTemplates

/// The pages the build writes from the catalog when `site.yaml` has `models:`
/// (``ModelPagesConfiguration``): in each locale's model folder, a page per model, the model index
/// (`index.md`) and one page per vendor, protocol and capability (`vendors/…`, `protocols/…`,
/// `features/…`), which are the index's filters and work without JavaScript, being plain links.
///
/// The pages are Markdown made with the templates `site/pages/model.mustache` and
/// `site/pages/models.mustache` (values written as they are; this type escapes them for Markdown)
/// and the `models.*` strings of `strings.yaml`. They then go through the build as if they were
/// content: snippet blocks become linked tabs, links are checked, each page gets its Markdown twin,
/// an entry in the search index and in `llms.txt`. Only the index is in the sidebar.
struct ModelPages: Sendable {
    let configuration: ModelPagesConfiguration
    let generator: SnippetGenerator
    let templates: TemplateLibrary
    /// Each model's page name (its slug, ``slug(_:)`` made unique), in catalog order.
    let slugs: [String]
    /// The vendors in the order the catalog first names them, with their page names.
    let vendors: [(name: String, slug: String)]

    var catalog: Catalog { generator.catalog }

    init(configuration: ModelPagesConfiguration, generator: SnippetGenerator, templates: TemplateLibrary) {
        self.configuration = configuration
        self.generator = generator
        self.templates = templates
        slugs = Self.uniqueSlugs(generator.catalog.models.map(\.id), reserved: ["index"])
        var vendorNames: [String] = []
        for model in generator.catalog.models where !vendorNames.contains(model.vendor) {
            vendorNames.append(model.vendor)
        }
        vendors = Array(zip(vendorNames, Self.uniqueSlugs(vendorNames, reserved: [])))
    }

    // MARK: Names

    /// A page name for a model id or a vendor: lowercase ASCII letters, digits, `-`, `_` and `.`
    /// kept, every other run of characters (`@`, `:`, `/`, spaces, non-ASCII) one `-`, no `-` or
    /// `.` at either end (a leading `.` would hide the file); `model` when nothing is left.
    /// `claude-sonnet-4@20250514` → `claude-sonnet-4-20250514`, `GPT-5.1` → `gpt-5.1`.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let lowered = scalar.properties.lowercaseMapping
            if lowered.unicodeScalars.count == 1, let kept = lowered.unicodeScalars.first, kept.isASCII,
                (kept >= "a" && kept <= "z") || (kept >= "0" && kept <= "9") || kept == "_" || kept == "."
                    || kept == "-"
            {
                if kept == "-" {
                    pendingDash = true
                    continue
                }
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(kept)
            } else {
                pendingDash = true
            }
        }
        while let last = result.last, last == "." || last == "-" { result.removeLast() }
        while let first = result.first, first == "." || first == "-" { result.removeFirst() }
        return result.isEmpty ? "model" : result
    }

    /// ``slug(_:)`` of each text, made unique in order: a name already taken (or reserved, such as
    /// `index`) gets `-2`, `-3`, ….
    static func uniqueSlugs(_ texts: [String], reserved: Set<String>) -> [String] {
        var taken = reserved
        return texts.map { text in
            let base = slug(text)
            var name = base
            var number = 2
            while taken.contains(name) {
                name = "\(base)-\(number)"
                number += 1
            }
            taken.insert(name)
            return name
        }
    }

    /// The page path of a model's page below the locale folder, such as `models/gpt-4o.md`.
    func path(ofModelAt index: Int) -> String { "\(configuration.folder)/\(slugs[index]).md" }

    var indexPath: String { "\(configuration.folder)/index.md" }

    /// The filter pages: what they filter by, the value, their path and their title's value.
    private enum Filter: Sendable {
        case vendor(String)
        case wireProtocol(WireProtocol)
        case feature(String)
    }

    private func filters() -> [(filter: Filter, path: String)] {
        let folder = configuration.folder
        var result: [(Filter, String)] = vendors.map { (.vendor($0.name), "\(folder)/vendors/\($0.slug).md") }
        let accepted = Set(catalog.models.flatMap(\.protocolIDs))
        for wireProtocol in catalog.protocols where accepted.contains(wireProtocol.id) {
            result.append((.wireProtocol(wireProtocol), "\(folder)/protocols/\(Self.slug(wireProtocol.id)).md"))
        }
        let features = Set(catalog.models.flatMap(\.features))
        for feature in Catalog.knownFeatures where features.contains(feature) {
            result.append((.feature(feature), "\(folder)/features/\(feature).md"))
        }
        return result
    }

    private func matches(_ model: Model, _ filter: Filter?) -> Bool {
        switch filter {
        case nil: true
        case .vendor(let vendor): model.vendor == vendor
        case .wireProtocol(let wireProtocol): model.protocolIDs.contains(wireProtocol.id)
        case .feature(let feature): model.features.contains(feature)
        }
    }

    // MARK: Checks

    /// Problems of the `models:` settings against the catalog, the recipes and the pages of a
    /// locale, reported at their `site.yaml` lines; and content files where the build writes a page.
    func problems(
        pages: Set<String>, files: Set<String>, generated: [String], configurationFile: String, localeFolder: String
    ) -> [SiteDiagnostic] {
        var problems: [SiteDiagnostic] = []
        func report(_ key: String, _ message: String) {
            problems.append(
                SiteDiagnostic(file: configurationFile, line: configuration.lines[key] ?? 0, message: message))
        }
        let inLocale = localeFolder.isEmpty ? "" : " in \(localeFolder)/"
        for (id, page) in configuration.protocolPages.sorted(by: { $0.key < $1.key }) {
            if catalog.wireProtocol(id: id) == nil {
                report(
                    "protocols.\(id)",
                    "models.protocols names the protocol \(id.debugDescription), which the catalog does not have; its protocols are \(catalog.protocols.map(\.id).joined(separator: ", "))"
                )
            }
            if !pages.contains(page) { report("protocols.\(id)", "models.protocols.\(id): no page \(page)\(inLocale)") }
        }
        for (id, page) in configuration.recipePages.sorted(by: { $0.key < $1.key }) {
            if generator.templates.recipe(id: id) == nil {
                report(
                    "recipes.\(id)",
                    "models.recipes names the recipe \(id.debugDescription), which the templates do not have; the recipes are \(generator.templates.recipes.map(\.id).joined(separator: ", "))"
                )
            }
            if !pages.contains(page) { report("recipes.\(id)", "models.recipes.\(id): no page \(page)\(inLocale)") }
        }
        if let quickstart = configuration.quickstart, !pages.contains(quickstart) {
            report("quickstart", "models.quickstart: no page \(quickstart)\(inLocale)")
        }
        let folder = localeFolder.isEmpty ? "" : localeFolder + "/"
        for path in generated where pages.contains(path) || files.contains(String(path.dropLast(3)) + ".html") {
            report(
                "folder",
                "the build writes \(folder)\(path) from the catalog (models.folder is \(configuration.folder)); rename or remove that file"
            )
        }
        return problems
    }

    // MARK: Pages

    /// Every page of one locale: the index, the filter pages, then each model's page.
    ///
    /// - Parameter existing: the content pages of the locale, for the links to clients' pages.
    func pages(locale: String, strings: SiteStrings, displayFolder: String, existing: Set<String>) -> [SourcePage] {
        let filters = filters()
        var made: [SourcePage] = []
        func page(_ path: String, _ text: String, listed: Bool) {
            made.append(
                SourcePage(
                    locale: locale, path: path, displayPath: "\(displayFolder)/\(path) (made from the catalog)",
                    text: text, listed: listed))
        }
        let context = Context(pages: self, strings: strings, filters: filters, existing: existing)
        // The index, then the filter pages: each lists every model it shows, so on every core too.
        let indexTexts = Parallel.map(Array(0...filters.count)) { number in
            number == 0
                ? context.index(filter: nil, order: configuration.order ?? 1000)
                : context.index(filter: filters[number - 1], order: number)
        }
        page(indexPath, indexTexts[0], listed: true)
        for (number, entry) in filters.enumerated() { page(entry.path, indexTexts[number + 1], listed: false) }
        // The models' pages on every core: with hundreds of models they are most of the work here.
        let texts = Parallel.map(Array(catalog.models.indices)) { context.model(at: $0) }
        for (index, text) in zip(catalog.models.indices, texts) {
            page(path(ofModelAt: index), text, listed: false)
        }
        return made
    }

    /// What the templates are given, for one locale.
    private struct Context: Sendable {
        let pages: ModelPages
        let strings: SiteStrings
        let filters: [(filter: Filter, path: String)]
        let existing: Set<String>
        /// Strings every model page writes, made once per locale rather than once per page.
        let phrases: Phrases
        /// Each client's name as a model page writes it (linked to its page when the content has
        /// one), in the order of the templates' clients.
        let clientNames: [String]
        var catalog: Catalog { pages.catalog }
        var folder: String { pages.configuration.folder }
        /// What models with the same capabilities share on their pages, made once for them.
        let shared = Locked<[Capabilities: SharedParts]>([:])
        /// Each model's row of the index, by its place in the catalog: the index and the filter
        /// pages list each model several times.
        let listed = Locked<[Int: TemplateValue]>([:])

        /// What ``SharedParts`` depend on: a model's protocols, features and reasoning style
        /// (``SnippetGenerator/unavailability(of:model:protocolID:language:)`` reads nothing else
        /// of a listed model). Hundreds of copied models share a handful of these.
        struct Capabilities: Hashable {
            let protocolIDs: [String]
            let features: [String]
            let reasoningStyle: String?

            init(of model: Model) {
                protocolIDs = model.protocolIDs
                features = model.features
                reasoningStyle = model.reasoning.map { $0.style.rawValue }
            }
        }

        /// Which protocols have hello code, and the recipes and clients a model page lists.
        struct SharedParts {
            let hasHello: [String: Bool]
            let recipes: [TemplateValue]
            let clients: [TemplateValue]
        }

        /// The `strings.yaml` texts a model page writes, escaped for Markdown, their placeholders
        /// (`{id}`, `{page}`, `{protocols}`) left for ``Catalog/filling(_:_:)``.
        struct Phrases: Sendable {
            let native: String
            let sentAs: String
            let protocolPage: String
            let noCode: String
            let through: String
            /// The line before a page's snippets, with the link to the quick start when there is one.
            let helloIntro: String
        }

        init(pages: ModelPages, strings: SiteStrings, filters: [(filter: Filter, path: String)], existing: Set<String>)
        {
            self.pages = pages
            self.strings = strings
            self.filters = filters
            self.existing = existing
            func phrase(_ key: String, _ fallback: String, keeping placeholder: String? = nil) -> String {
                let escaped = Markdown.escaped(Self.text(key, fallback, [:], strings: strings, catalog: pages.catalog))
                guard let placeholder else { return escaped }
                return escaped.replacingOccurrences(of: Markdown.escaped(placeholder), with: placeholder)
            }
            var helloIntro = phrase(
                "helloIntro",
                "One prompt and the answer, through each protocol the model accepts, in every language; the key is a placeholder for your own."
            )
            if let quickstart = pages.configuration.quickstart {
                let name = Self.text("quickstartName", "quick start", [:], strings: strings, catalog: pages.catalog)
                helloIntro +=
                    " "
                    + Catalog.filling(
                        phrase("quickstart", "The {page} explains each step.", keeping: "{page}"),
                        ["{page}": Self.link(name, to: quickstart)])
            }
            phrases = Phrases(
                native: phrase("native", "(native)"),
                sentAs: phrase("sentAs", "Through this protocol the model is sent as {id}.", keeping: "{id}"),
                protocolPage: phrase("protocolPage", "More on this protocol: {page}.", keeping: "{page}"),
                noCode: phrase("noCode", "The templates have no code for this protocol."),
                through: phrase("through", "(through {protocols})", keeping: "{protocols}"),
                helloIntro: helloIntro)
            clientNames = pages.generator.templates.clients.map { client in
                let page = pages.configuration.clientsFolder.map { "\($0)/\(client.id).md" }
                return page.flatMap { existing.contains($0) ? Self.link(client.name, to: $0) : nil }
                    ?? Markdown.escaped(client.name)
            }
        }

        /// A string of `strings.yaml` (`models.<key>`) with its `{name}` placeholders filled.
        func text(_ key: String, _ fallback: String, _ values: [String: String] = [:]) -> String {
            Self.text(key, fallback, values, strings: strings, catalog: catalog)
        }

        static func text(
            _ key: String, _ fallback: String, _ values: [String: String], strings: SiteStrings, catalog: Catalog
        ) -> String {
            var values = values
            values["{relay}"] = values["{relay}"] ?? catalog.relay.name
            return Catalog.filling(strings["models.\(key)", fallback], values)
        }

        /// A link to a page below the locale folder, from anywhere (a path from the locale's root).
        func link(_ text: String, to page: String, anchor: String? = nil) -> String {
            Self.link(text, to: page, anchor: anchor)
        }

        static func link(_ text: String, to page: String, anchor: String? = nil) -> String {
            "[\(Markdown.linkText(text))](/\(page)\(anchor.map { "#" + $0 } ?? ""))"
        }

        func protocolName(_ id: String) -> String { catalog.wireProtocol(id: id)?.name ?? id }

        func featureName(_ feature: String) -> String { FeatureTable.name(feature, strings) }

        /// The index (no filter) or a filter page.
        func index(filter: (filter: Filter, path: String)?, order: Int?) -> String {
            let title: String
            let description: String
            switch filter?.filter {
            case nil:
                title = text("indexTitle", "Models")
                description = text("indexDescription", "Every model of {relay}, by vendor, protocol and capability.")
            case .vendor(let vendor):
                title = text("vendorTitle", "{vendor} models", ["{vendor}": vendor])
                description = text("vendorDescription", "The {vendor} models of {relay}.", ["{vendor}": vendor])
            case .wireProtocol(let wireProtocol):
                title = text("protocolTitle", "Models through {protocol}", ["{protocol}": wireProtocol.name])
                description = text(
                    "protocolDescription", "The models {relay} serves through {protocol}.",
                    ["{protocol}": wireProtocol.name])
            case .feature(let feature):
                title = text("featureTitle", "Models with {feature}", ["{feature}": featureName(feature)])
                description = text(
                    "featureDescription", "The models of {relay} that have {feature}.",
                    ["{feature}": featureName(feature)])
            }
            func option(_ name: String, _ path: String, lead: Bool) -> TemplateValue {
                let current = (filter?.path ?? pages.indexPath) == path
                return [
                    "lead": .string(lead ? " · " : ""), "current": .bool(current),
                    "name": .string(Markdown.escaped(name)), "link": .string(link(name, to: path)),
                ]
            }
            func group(_ label: String, _ kind: (Filter) -> String?) -> TemplateValue {
                var options = [option(text("all", "All"), pages.indexPath, lead: false)]
                for entry in filters {
                    guard let name = kind(entry.filter) else { continue }
                    options.append(option(name, entry.path, lead: true))
                }
                return ["label": .string(Markdown.escaped(label)), "options": .list(options)]
            }
            let groups: [TemplateValue] = [
                group(text("filterVendor", "Vendor:")) {
                    if case .vendor(let vendor) = $0 { vendor } else { nil }
                },
                group(text("filterProtocol", "Protocol:")) {
                    if case .wireProtocol(let wireProtocol) = $0 { wireProtocol.name } else { nil }
                },
                group(text("filterFeature", "Capability:")) {
                    if case .feature(let feature) = $0 { featureName(feature) } else { nil }
                },
            ]
            var entries: [TemplateValue] = []
            for (index, model) in catalog.models.enumerated() where pages.matches(model, filter?.filter) {
                entries.append(listed.value(for: index) { entry(model, index: index) })
            }
            var values: [String: TemplateValue] = [
                "title": .string(Markdown.yamlString(title)), "description": .string(Markdown.yamlString(description)),
                "heading": .string(Markdown.escaped(title)),
                "intro": .string(
                    filter == nil
                        ? Markdown.escaped(
                            text(
                                "indexIntro",
                                "Every model {relay} serves, with the protocols it accepts (native first) and what it can do. Choose a vendor, a protocol or a capability to see only those models; each model's page has the code of a first request."
                            )) : link(text("allModels", "All models"), to: pages.indexPath)),
                "filtersLabel": .string(Markdown.escaped(text("filters", "Filter the models"))),
                "filters": .list(groups),
                "count": .string(Markdown.escaped(text("count", "{count} models", ["{count}": "\(entries.count)"]))),
                "models": .list(entries), "empty": .bool(entries.isEmpty),
                "none": .string(Markdown.escaped(text("none", "No model matches."))),
                "listHeading": .string(Markdown.escaped(text("listHeading", "The models"))),
            ]
            if let order { values["order"] = .string("\(order)") }
            return pages.templates.render("models", .object(values)) ?? ""
        }

        /// One model in the index's list.
        func entry(_ model: Model, index: Int) -> TemplateValue {
            [
                "link": .string(link(model.name, to: pages.path(ofModelAt: index))),
                "id": .string(Markdown.inlineCode(model.id)), "showID": .bool(model.id != model.name),
                "vendor": .string(Markdown.escaped(model.vendor)),
                "protocols": .string(model.protocolIDs.map(Markdown.inlineCode).joined(separator: ", ")),
                "features": .string(model.features.map { Markdown.escaped(featureName($0)) }.joined(separator: ", ")),
                "hasFeatures": .bool(!model.features.isEmpty),
            ]
        }

        /// A model's page.
        func model(at index: Int) -> String {
            let model = catalog.models[index]
            let native = model.protocolIDs.first ?? ""
            let names = ["{name}": model.name, "{vendor}": model.vendor, "{native}": protocolName(native)]
            let vendorPage = pages.vendors.first { $0.name == model.vendor }.map {
                "\(folder)/vendors/\($0.slug).md"
            }
            let protocolList = model.protocolIDs.enumerated().map { position, id in
                "[\(Markdown.inlineCode(id))](/\(folder)/protocols/\(ModelPages.slug(id)).md)"
                    + (position == 0 ? " " + phrases.native : "")
            }
            let features: String
            if case .written(_, let markdown) = FeatureTable.features(of: model, strings: strings), !markdown.isEmpty {
                features = markdown
            } else {
                features = Markdown.escaped(text("noFeatures", "none beyond plain text"))
            }
            let facts: [TemplateValue] = [
                fact(text("vendor", "Vendor:"), vendorPage.map { link(model.vendor, to: $0) } ?? model.vendor),
                fact(text("modelID", "Model id:"), Markdown.inlineCode(model.id)),
                fact(text("protocols", "Protocols:"), protocolList.joined(separator: ", ")),
                fact(text("features", "Features:"), features),
            ]
            let parts = shared.value(for: Capabilities(of: model)) { sharedParts(of: model) }
            // A fence's info string cannot hold a backtick, and snippet attributes end at a space.
            let writable = !model.id.contains { $0.isWhitespace || $0 == "`" }
            let protocols: [TemplateValue] = model.protocolIDs.enumerated().map { position, id in
                let wireName = protocolName(id)
                let hasCode = writable && parts.hasHello[id] == true
                var notes: [String] = []
                if model.id(on: id) != model.id {
                    notes.append(
                        Catalog.filling(phrases.sentAs, ["{id}": Markdown.inlineCode(model.id(on: id))]))
                }
                if let page = pages.configuration.protocolPages[id] {
                    notes.append(
                        Catalog.filling(phrases.protocolPage, ["{page}": link(wireName, to: page)]))
                }
                return [
                    "heading": .string(
                        Markdown.escaped(wireName)
                            + (position == 0 ? " " + phrases.native : "")),
                    "anchor": .string(ModelPages.slug(id)), "id": .string(id), "model": .string(model.id),
                    "hasCode": .bool(hasCode),
                    "noCode": .string(phrases.noCode),
                    "notes": .string(notes.joined(separator: " ")), "hasNotes": .bool(!notes.isEmpty),
                ]
            }
            let values: [String: TemplateValue] = [
                "title": .string(Markdown.yamlString(model.name)),
                "description": .string(
                    Markdown.yamlString(
                        text(
                            "pageDescription",
                            "{name} ({vendor}) through {relay}: its protocols, what it can do and a first request in every language.",
                            names))),
                "heading": .string(Markdown.escaped(model.name)),
                "summary": .string(
                    Markdown.escaped(
                        text(
                            "summary",
                            "{name} is a model by {vendor}. {relay} serves it through the protocols below; {native} is its native one.",
                            names))),
                "facts": .list(facts),
                "helloHeading": .string(Markdown.escaped(text("helloHeading", "First request"))),
                "helloIntro": .string(phrases.helloIntro),
                "protocols": .list(protocols),
                "hasRecipes": .bool(!parts.recipes.isEmpty), "recipes": .list(parts.recipes),
                "recipesHeading": .string(Markdown.escaped(text("recipesHeading", "More it can do"))),
                "recipesIntro": .string(
                    Markdown.escaped(
                        text(
                            "recipesIntro",
                            "Each page shows the recipe in every protocol and language that has it. This model has code for:"
                        ))),
                "hasClients": .bool(!parts.clients.isEmpty), "clients": .list(parts.clients),
                "clientsHeading": .string(Markdown.escaped(text("clientsHeading", "Clients that can use it"))),
                "clientsIntro": .string(
                    Markdown.escaped(
                        text(
                            "clientsIntro",
                            "Programs and libraries that speak one of its protocols; each page shows how to point it at {relay}."
                        ))),
                "allModels": .string(link(text("allModels", "All models"), to: pages.indexPath)),
                "colon": .string(Markdown.escaped(text("colon", ": "))),
            ]
            return pages.templates.render("model", .object(values)) ?? ""
        }

        /// The parts of a model's page that its capabilities alone decide (``Capabilities``).
        func sharedParts(of model: Model) -> SharedParts {
            let generator = pages.generator
            let hello = generator.templates.recipe(id: Recipe.defaultID)
            var hasHello: [String: Bool] = [:]
            for id in model.protocolIDs {
                hasHello[id] =
                    hello.map { recipe in
                        generator.languages.contains {
                            generator.unavailability(of: recipe, model: model.id, protocolID: id, language: $0) == nil
                        }
                    } ?? false
            }
            // The recipes the model has code for, through which protocols, with their pages.
            var recipes: [TemplateValue] = []
            for recipe in generator.templates.recipes where recipe.id != Recipe.defaultID {
                guard let page = pages.configuration.recipePages[recipe.id] else { continue }
                let through = model.protocolIDs.filter { id in
                    generator.languages.contains {
                        generator.unavailability(of: recipe, model: model.id, protocolID: id, language: $0) == nil
                    }
                }
                guard !through.isEmpty else { continue }
                recipes.append([
                    "link": .string(link(recipe.title.text(for: strings.locale), to: page)),
                    "summary": .string(Markdown.escaped(recipe.summary.text(for: strings.locale))),
                    "through": .string(
                        Catalog.filling(
                            phrases.through, ["{protocols}": through.map(Markdown.inlineCode).joined(separator: ", ")])),
                ])
            }
            // The clients (templates/clients/) that speak one of the model's protocols, with their pages.
            let clients: [TemplateValue] = zip(generator.templates.clients, clientNames).compactMap { client, name in
                let through = client.protocolIDs.filter(model.protocolIDs.contains)
                guard !through.isEmpty else { return nil }
                return [
                    "link": .string(name),
                    "through": .string(
                        Catalog.filling(
                            phrases.through, ["{protocols}": through.map(Markdown.inlineCode).joined(separator: ", ")])),
                ]
            }
            return SharedParts(hasHello: hasHello, recipes: recipes, clients: clients)
        }

        func fact(_ label: String, _ value: String) -> TemplateValue {
            ["label": .string(Markdown.escaped(label)), "value": .string(value)]
        }
    }

    /// Text written into generated Markdown.
    enum Markdown {
        /// Prose with every ASCII punctuation character that Markdown could read as syntax here
        /// backslash-escaped (CommonMark lets any ASCII punctuation be escaped; `(`, `!` and `+`
        /// need none where these values stand, with `[` and `]` escaped), and line breaks made spaces.
        static func escaped(_ text: String) -> String {
            // On bytes: these are all ASCII, and UTF-8 continuation bytes never are.
            guard text.utf8.contains(where: { special[Int($0)] != 0 }) else { return text }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 8)
            for byte in text.utf8 {
                switch special[Int(byte)] {
                case 1: bytes += [UInt8(ascii: "\\"), byte]
                case 2: bytes.append(32)
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// For each byte: 1 when it is escaped, 2 for a line break (written as a space), else 0.
        private static let special: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 256)
            for byte in "\\`*_[]{}<>#|~&".utf8 { table[Int(byte)] = 1 }
            table[10] = 2
            table[13] = 2
            return table
        }()

        /// Text for inside `[…]`.
        static func linkText(_ text: String) -> String { escaped(text) }

        /// Text as inline code.
        static func inlineCode(_ text: String) -> String { TwinMarkdown.inlineCode(text) }

        /// A YAML double-quoted scalar (a JSON string is one), on one line.
        static func yamlString(_ text: String) -> String {
            // Line breaks are below 0x20, or start with 0xC2 (U+0085) or 0xE2 (U+2028, U+2029).
            let line =
                text.utf8.contains { $0 < 0x20 || $0 == 0xC2 || $0 == 0xE2 }
                ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
            // Not JSONEncoder: one per page title was a fortieth of a build with 300 models.
            return JSONText.string(line)
        }
    }
}

import Foundation
import RelayYAML
import Yams

/// What importing a relay's model lists changes in a catalog, decided by the catalog's
/// ``ImportRule``s: the models to add, the protocols models already there gain, and every
/// listed model left out, with the reason.
///
/// Models already in the catalog are the author's: import only appends protocols a rule gives
/// that they lack (so the native protocol stays first) and never removes or rewrites anything.
public struct ModelImport: Sendable {
    /// A catalog model that gains protocols.
    public struct Gain: Sendable, Hashable {
        public var modelID: String
        public var protocolIDs: [String]

        /// Creates a gain.
        public init(modelID: String, protocolIDs: [String]) {
            self.modelID = modelID
            self.protocolIDs = protocolIDs
        }
    }

    /// New models, in the order the lists give them.
    public var added: [Model] = []
    /// Models already in the catalog that gain protocols.
    public var gains: [Gain] = []
    /// Listed ids that no rule matches.
    public var unmatched: [String] = []
    /// Listed ids left out, each with why (a skip rule, not a generateContent model, …).
    public var skipped: [(id: String, reason: String)] = []
    /// Remarks on what was added, such as reasoning the list reports but no rule describes.
    public var notes: [String] = []
    /// Catalog models that none of the lists show (left as they are).
    public var unlisted: [String] = []

    /// Whether the catalog would not change.
    public var changesNothing: Bool { added.isEmpty && gains.isEmpty }

    /// Decides what the listed models become in `catalog`.
    public init(catalog: Catalog, listed: [ListedModel]) {
        // One entry per id; a model several lists show is matched and described by all of them.
        var order: [String] = []
        var byID: [String: [ListedModel]] = [:]
        for model in listed {
            if byID[model.id] == nil { order.append(model.id) }
            byID[model.id, default: []].append(model)
        }
        var known: [String: Model] = [:]
        for model in catalog.models {
            known[model.id] = model
            for id in model.protocolModelIDs.values where known[id] == nil { known[id] = model }
        }
        var gained: [String: [String]] = [:]
        var gainOrder: [String] = []
        for id in order {
            let entries = byID[id]!
            guard
                let rule = catalog.importRules.first(where: { rule in
                    entries.contains { rule.matches(id: id, ownedBy: $0.ownedBy, list: $0.list) }
                })
            else {
                unmatched.append(id)
                continue
            }
            if rule.skip {
                skipped.append((id, "the import rule on line \(rule.line) skips it"))
                continue
            }
            if let methods = entries.compactMap(\.generationMethods).first, !methods.contains("generateContent") {
                skipped.append(
                    (id, "its Gemini list entry has no generateContent (\(methods.joined(separator: ", ")))"))
                continue
            }
            if let existing = known[id] {
                let missing = rule.protocolIDs.filter {
                    !existing.protocolIDs.contains($0) && !(gained[existing.id] ?? []).contains($0)
                }
                if !missing.isEmpty {
                    if gained[existing.id] == nil { gainOrder.append(existing.id) }
                    gained[existing.id, default: []] += missing
                }
                continue
            }
            guard YAMLReader.isModelID(id) else {
                skipped.append((id, "the id has control characters"))
                continue
            }
            added.append(model(id: id, entries: entries, rule: rule, catalog: catalog))
            known[id] = added.last
        }
        gains = gainOrder.map { Gain(modelID: $0, protocolIDs: gained[$0]!) }
        let listedIDs = Set(order)
        unlisted = catalog.models.filter { model in
            !listedIDs.contains(model.id) && !model.protocolModelIDs.values.contains(where: listedIDs.contains)
        }.map(\.id)
    }

    /// A new model from its list entries and the rule it matched.
    private mutating func model(id: String, entries: [ListedModel], rule: ImportRule, catalog: Catalog) -> Model {
        var reported: [String: Bool] = [:]
        for entry in entries {
            for (feature, flag) in entry.reportedFeatures where reported[feature] == nil { reported[feature] = flag }
        }
        var features = Set(rule.features)
        for (feature, flag) in reported where Catalog.knownFeatures.contains(feature) {
            if flag { features.insert(feature) } else { features.remove(feature) }
        }
        var reasoning: Reasoning?
        if features.contains("reasoning") {
            let styles = entries.compactMap(\.thinkingStyles).first
            let levels = entries.map(\.effortLevels).first { !$0.isEmpty } ?? []
            if let ruled = rule.reasoning, styles?.contains(ruled.style) ?? true {
                reasoning = ruled
            } else if styles?.contains(.adaptive) == true, !levels.isEmpty {
                // Anthropic's capabilities list the efforts; its API's default effort is high.
                reasoning = Reasoning(
                    style: .adaptive, levels: levels, defaultLevel: levels.contains("high") ? "high" : levels.last)
            } else {
                features.remove("reasoning")
                notes.append(
                    "\(id): the list says it reasons, but the import rule on line \(rule.line) gives no reasoning it takes; added without reasoning"
                )
            }
        }
        let provider = entries.lazy.compactMap { entry in
            catalog.protocols.first { ModelListKind(protocolID: $0.id) == entry.list }.map {
                catalog.provider(of: $0).name
            }
        }.first
        return Model(
            id: id, name: entries.compactMap(\.displayName).first ?? id,
            vendor: rule.vendor ?? entries.compactMap(\.ownedBy).first ?? provider ?? "unknown",
            protocolIDs: rule.protocolIDs, features: Catalog.knownFeatures.filter(features.contains),
            reasoning: reasoning)
    }

    /// The catalog's text with the changes made, and the edits that make them.
    ///
    /// The file is hand-written, with comments, blank lines and an order of keys its author
    /// chose; reading it into a ``Catalog`` and writing that back would lose all of it. So the
    /// changes are made on the text: new models are appended as text at the end of the `models:`
    /// list (after a comment naming `source`), and a model that gains protocols has them added
    /// inside its own `protocols` value; every other byte stays. The result is loaded again and
    /// must hold exactly the catalog's models with the changes, or nothing is returned.
    ///
    /// - Throws: ``InvalidValue`` when the text is laid out in a way these edits cannot follow
    ///   (such as `models` as a flow list), naming the file and line.
    public func applied(to text: String, path: String, source: String) throws(InvalidValue) -> (
        text: String, edits: [YAMLTextEdit]
    ) {
        let lines = YAMLText(text)
        let end = lines.carriageReturn
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw InvalidValue("\(path): invalid YAML: \(YAMLProblem(error).message)")
        }
        guard let mapping = root?.mapping, let modelsKey = mapping.keys.first(where: { $0.string == "models" }),
            let models = mapping[modelsKey]
        else { throw InvalidValue("\(path): the catalog has no models list") }
        var edits: [YAMLTextEdit] = []

        // Protocols gained: inside each model's own `protocols` value.
        for gain in gains {
            guard
                let item = models.array().first(where: { $0.mapping?["id"]?.string == gain.modelID }),
                let protocols = item.mapping?["protocols"], let mark = protocols.mark
            else { throw InvalidValue("\(path): model \(gain.modelID) has no protocols list to add to") }
            if let sequence = protocols.sequence, !isFlow(protocols, lines), let last = sequence.last?.mark {
                let lastLine = lines.line(last.line) ?? ""
                let indent = String(lastLine.prefix { $0 == " " })
                edits.append(
                    YAMLTextEdit(
                        line: last.line + 1, count: 0,
                        replacement: gain.protocolIDs.map { indent + "- " + YAMLScalarText.literal($0) + end }))
                continue
            }
            guard let line = lines.line(mark.line),
                let extent = YAMLScalarText.extent(in: line, column: mark.column), line[extent].hasSuffix("]")
            else {
                throw InvalidValue(
                    "\(path):\(mark.line): the protocols of \(gain.modelID) are not a list on one line, such as [openai-chat]; import cannot add \(gain.protocolIDs.joined(separator: ", ")) to them"
                )
            }
            // Before the closing bracket, after the last item: `[a, b]` becomes `[a, b, c]`.
            var at = line.index(before: extent.upperBound)
            while at > extent.lowerBound, line[line.index(before: at)] == " " { at = line.index(before: at) }
            let empty = line.index(after: extent.lowerBound) >= at
            let ids = gain.protocolIDs.map(YAMLScalarText.literal).joined(separator: ", ")
            let rewritten = String(line[..<at]) + (empty ? "" : ", ") + ids + String(line[at...])
            edits.append(YAMLTextEdit(line: mark.line, count: 1, replacement: [rewritten]))
        }

        // New models: appended as text at the end of the models list.
        if !added.isEmpty {
            var dashIndent = "  "
            var keyIndent = "    "
            var insertAt: Int
            if let sequence = models.sequence, isFlow(models, lines) {
                guard sequence.isEmpty, let mark = models.mark, let line = lines.line(mark.line),
                    let extent = YAMLScalarText.extent(in: line, column: mark.column)
                else {
                    throw InvalidValue(
                        "\(path):\(models.mark?.line ?? 0): models is a flow list ([…]); import appends to a list written one model a line (- id: …)"
                    )
                }
                var kept = String(line[..<extent.lowerBound])
                while kept.hasSuffix(" ") { kept.removeLast() }
                edits.append(
                    YAMLTextEdit(line: mark.line, count: 1, replacement: [kept + String(line[extent.upperBound...])]))
                insertAt = mark.line + 1
            } else if let sequence = models.sequence {
                if let first = sequence.first?.mark, let line = lines.line(first.line) {
                    dashIndent = String(line.prefix { $0 == " " })
                    keyIndent = String(repeating: " ", count: max(dashIndent.count + 2, first.column - 1))
                }
                let last = lines.lastLine(
                    ofKeyAt: modelsKey.mark?.line ?? 0, keyLines: mapping.keys.compactMap(\.mark?.line))
                insertAt = last + 1
            } else {
                throw InvalidValue("\(path):\(models.mark?.line ?? 0): models must be a list")
            }
            var block = [dashIndent + "# Added by relaydocs catalog import from " + source + "." + end]
            for model in added {
                block += Self.lines(of: model, dashIndent: dashIndent, keyIndent: keyIndent).map { $0 + end }
            }
            edits.append(YAMLTextEdit(line: insertAt, count: 0, replacement: block))
        }

        let result = lines.applying(edits)
        try verify(result, against: text, path: path)
        return (result, edits)
    }

    /// Whether a node is written as a flow collection.
    private func isFlow(_ node: Node, _ lines: YAMLText) -> Bool {
        guard let mark = node.mark, let line = lines.line(mark.line) else { return false }
        return YAMLScalarText.isFlow(in: line, column: mark.column)
    }

    /// Loads the edited text again: it must be a valid catalog whose models are exactly the old
    /// ones with the gains, followed by the added ones.
    private func verify(_ result: String, against text: String, path: String) throws(InvalidValue) {
        do {
            let before = try Catalog.load(yaml: text, path: path)
            let after = try Catalog.load(yaml: result, path: path + " (after import)")
            var expected = before.models
            for gain in gains {
                guard let index = expected.firstIndex(where: { $0.id == gain.modelID }) else { continue }
                expected[index].protocolIDs += gain.protocolIDs
            }
            expected += added
            guard after.models == expected else {
                throw InvalidValue(
                    "\(path): the edited catalog does not read back as planned; nothing was written (please report this)"
                )
            }
        } catch let error as CatalogError {
            throw InvalidValue(error.description)
        } catch let error as InvalidValue {
            throw error
        } catch {
            throw InvalidValue("\(path): \(error)")
        }
    }

    /// A model as catalog lines, in the order and style of the default catalog.
    static func lines(of model: Model, dashIndent: String, keyIndent: String) -> [String] {
        func list(_ items: [String]) -> String { "[" + items.map(YAMLScalarText.literal).joined(separator: ", ") + "]" }
        var lines = [
            dashIndent + "- id: " + YAMLScalarText.literal(model.id),
            keyIndent + "name: " + YAMLScalarText.literal(model.name),
            keyIndent + "vendor: " + YAMLScalarText.literal(model.vendor),
            keyIndent + "protocols: " + list(model.protocolIDs),
        ]
        if !model.features.isEmpty { lines.append(keyIndent + "features: " + list(model.features)) }
        if let reasoning = model.reasoning {
            var parts = ["style: " + reasoning.style.rawValue]
            if !reasoning.levels.isEmpty { parts.append("levels: " + list(reasoning.levels)) }
            if let level = reasoning.defaultLevel { parts.append("default: " + YAMLScalarText.literal(level)) }
            if let budget = reasoning.defaultBudget { parts.append("default: \(budget)") }
            lines.append(keyIndent + "reasoning: { " + parts.joined(separator: ", ") + " }")
        }
        return lines
    }
}

import Foundation
import RelayCatalog
import RelayDefaults
import RelayYAML
import Testing
import Yams

/// `import:` rules, model lists and the text edits of `relaydocs catalog import`.
@Suite("Importing models from a relay's lists")
struct ModelImportTests {
    /// A small hand-written catalog, with comments, odd spacing and quoting that must survive.
    static let catalogText = """
        # A hand-written catalog.
        relay:
          name: Test relay   # shown in snippets
          origin: https://relay.example.com
          placeholderKey: sk-test
          defaultPrompt: hi
        providers:
          - { id: openai, name: OpenAI, originalBaseURL: "https://api.openai.com/v1", relayBaseURL: "{origin}/v1" }
          - { id: anthropic, name: Anthropic, originalBaseURL: "https://api.anthropic.com", relayBaseURL: "{origin}/anthropic" }
        protocols:
          - id: openai-chat
            name: Chat
            provider: openai
            endpoint: /chat/completions
            sdks: { python: openai, curl: curl, swift: urlsession }
          - id: openai-responses
            name: Responses
            provider: openai
            endpoint: /responses
            sdks: { python: openai, curl: curl, swift: urlsession }
          - id: anthropic-messages
            name: Messages
            provider: anthropic
            apiVersion: "2023-06-01"
            endpoint: /v1/messages
            features: [reasoning, vision, json]
            reasoningStyles: [adaptive, budget]
            sdks: { python: anthropic, curl: curl, swift: urlsession }
        sdks:
          - { id: openai, language: python, package: openai, versions: ">=1" }
          - { id: anthropic, language: python, package: anthropic, versions: ">=1" }
          - { id: curl, language: curl, package: curl, versions: any }
          - { id: urlsession, language: swift, package: Foundation, versions: any }
        import:
          rules:
            - prefix: [text-embedding-]
              skip: true
            - prefix: claude-
              vendor: Anthropic
              protocols: [anthropic-messages, openai-chat]
              features: [reasoning, vision, json]
              reasoning: { style: budget, default: 2048 }
            - ownedBy: openai
              protocols: [openai-chat, openai-responses]
              vendor: OpenAI

        # The models, kept by hand.
        models:
          - id: gpt-4o
            name: "GPT-4o"     # a quoted name
            vendor: OpenAI
            protocols: [ openai-chat ]
          - id: claude-old
            name: Claude old
            vendor: Anthropic
            protocols:
              - anthropic-messages

        # Trailing notes, after the models.
        """

    static let catalog = try! Catalog.load(yaml: catalogText, path: "test.yaml")

    static let openAIList = Data(
        """
        {"object": "list", "data": [
          {"id": "gpt-4o", "object": "model", "owned_by": "openai"},
          {"id": "gpt-4.1", "object": "model", "owned_by": "openai"},
          {"id": "text-embedding-3-small", "object": "model", "owned_by": "openai"},
          {"id": "claude-old", "object": "model", "owned_by": "anthropic"},
          {"id": "qwen-max", "object": "model", "owned_by": "alibaba"}
        ]}
        """.utf8)

    static let anthropicList = Data(
        """
        {"data": [
          {"id": "claude-new", "type": "model", "display_name": "Claude New", "created_at": "2026-01-01T00:00:00Z",
           "capabilities": {"image_input": {"supported": true}, "structured_outputs": {"supported": false},
             "thinking": {"supported": true, "types": {"enabled": {"supported": false}, "adaptive": {"supported": true}}},
             "effort": {"supported": true, "max": {"supported": true}, "low": {"supported": true}, "high": {"supported": true}}}}
        ], "has_more": true, "first_id": "claude-new", "last_id": "claude-new"}
        """.utf8)

    @Test("the three list shapes are told apart, with their names, owners, capabilities and next pages")
    func listShapes() throws {
        let openAI = try ModelListPage(json: Self.openAIList, source: "o.json")
        #expect(openAI.kind == .openAI)
        #expect(openAI.models.map(\.id) == ["gpt-4o", "gpt-4.1", "text-embedding-3-small", "claude-old", "qwen-max"])
        #expect(openAI.models[4].ownedBy == "alibaba")
        #expect(openAI.nextQuery == nil)

        let anthropic = try ModelListPage(json: Self.anthropicList, source: "a.json")
        #expect(anthropic.kind == .anthropic)
        let claude = try #require(anthropic.models.first)
        #expect(claude.displayName == "Claude New")
        #expect(claude.reportedFeatures == ["vision": true, "json": false, "reasoning": true])
        #expect(claude.thinkingStyles == [.adaptive])
        #expect(claude.effortLevels == ["low", "high", "max"])
        #expect(anthropic.nextQuery == ["after_id": "claude-new"])

        let gemini = try ModelListPage(
            json: Data(
                #"{"models": [{"name": "models/gemini-x", "displayName": "Gemini X", "supportedGenerationMethods": ["generateContent"], "thinking": false}], "nextPageToken": "t2"}"#
                    .utf8), source: "g.json")
        #expect(gemini.kind == .gemini)
        #expect(gemini.models.map(\.id) == ["gemini-x"])
        #expect(gemini.models[0].reportedFeatures == ["reasoning": false])
        #expect(gemini.nextQuery == ["pageToken": "t2"])
    }

    @Test(
        "a file that is not a model list says so, with the file's name",
        arguments: [
            ("not json", "x.json: not JSON"), (#"{"items": []}"#, "x.json: expected a model list"),
            (#"{"object": "list", "data": [{"object": "model"}]}"#, "x.json: data[0] has no \"id\""),
            (#"{"models": [{"displayName": "?"}]}"#, "x.json: models[0] has no \"name\""),
        ])
    func badLists(text: String, message: String) {
        #expect {
            _ = try ModelListPage(json: Data(text.utf8), source: "x.json")
        } throws: { error in
            (error as? InvalidValue)?.message.hasPrefix(message) == true
        }
    }

    @Test("rules decide protocols by prefix and owned_by; skips, unmatched and unlisted models are told")
    func planFromRules() throws {
        let listed = try ModelListPage(json: Self.openAIList, source: "o.json").models
        let plan = ModelImport(catalog: Self.catalog, listed: listed)
        #expect(plan.added.map(\.id) == ["gpt-4.1"])
        #expect(plan.added[0].protocolIDs == ["openai-chat", "openai-responses"])
        #expect(plan.added[0].vendor == "OpenAI")
        #expect(plan.added[0].name == "gpt-4.1")
        #expect(
            plan.gains == [
                .init(modelID: "gpt-4o", protocolIDs: ["openai-responses"]),
                .init(modelID: "claude-old", protocolIDs: ["openai-chat"]),
            ])
        #expect(plan.skipped.map(\.id) == ["text-embedding-3-small"])
        #expect(plan.skipped[0].reason.contains("line"))
        #expect(plan.unmatched == ["qwen-max"])
        #expect(plan.unlisted.isEmpty)
    }

    @Test("a list's capabilities narrow the rule: adaptive thinking with the listed efforts, no json")
    func capabilitiesNarrowTheRule() throws {
        let listed = try ModelListPage(json: Self.anthropicList, source: "a.json").models
        let plan = ModelImport(catalog: Self.catalog, listed: listed)
        let claude = try #require(plan.added.first)
        #expect(claude.name == "Claude New")
        #expect(claude.features == ["reasoning", "vision"])
        #expect(claude.reasoning == Reasoning(style: .adaptive, levels: ["low", "high", "max"], defaultLevel: "high"))
        #expect(plan.unlisted == ["gpt-4o", "claude-old"])
    }

    @Test("the edited catalog keeps every hand-written byte: new models at the end of models, gains in place")
    func editsKeepTheText() throws {
        let listed =
            try ModelListPage(json: Self.openAIList, source: "o.json").models
            + ModelListPage(json: Self.anthropicList, source: "a.json").models
        let plan = ModelImport(catalog: Self.catalog, listed: listed)
        let (text, edits) = try plan.applied(to: Self.catalogText, path: "test.yaml", source: "o.json, a.json")
        let old = Self.catalogText.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Every line but the two protocol lines is still there, in order; the new lines are inserted.
        #expect(text.contains("    protocols: [ openai-chat, openai-responses ]\n"))
        #expect(text.contains("      - anthropic-messages\n      - openai-chat\n"))
        let changed = Set(["    protocols: [ openai-chat ]"])
        var iterator = new.makeIterator()
        for line in old where !changed.contains(String(line)) {
            var found = false
            while let next = iterator.next() {
                if next == line {
                    found = true
                    break
                }
            }
            #expect(found, "line lost: \(line)")
        }
        #expect(new.count == old.count + edits.reduce(0) { $0 + $1.replacement.count - $1.count })
        // New models go after the last model, before the comment that follows the list.
        let added = try #require(text.range(of: "  # Added by relaydocs catalog import from o.json, a.json.\n"))
        #expect(text[..<added.lowerBound].hasSuffix("      - openai-chat\n"))
        #expect(text[added.upperBound...].hasPrefix("  - id: gpt-4.1\n    name: gpt-4.1\n    vendor: OpenAI\n"))
        #expect(
            text.hasSuffix("\n\n# Trailing notes, after the models.\n")
                || text.hasSuffix("\n\n# Trailing notes, after the models."))
        let reloaded = try Catalog.load(yaml: text, path: "test.yaml")
        #expect(reloaded.models.map(\.id) == ["gpt-4o", "claude-old", "gpt-4.1", "claude-new"])
        #expect(reloaded.model(id: "claude-new")?.reasoning?.style == .adaptive)
        // A second import of the same lists changes nothing.
        #expect(ModelImport(catalog: reloaded, listed: listed).changesNothing)
    }

    @Test("the diff of an import shows each change in a hunk with its context")
    func diffOfAnImport() throws {
        let listed = try ModelListPage(json: Self.openAIList, source: "o.json").models
        let plan = ModelImport(catalog: Self.catalog, listed: listed)
        let (_, edits) = try plan.applied(to: Self.catalogText, path: "test.yaml", source: "o.json")
        let diff = YAMLText(Self.catalogText).unifiedDiff(
            edits, oldName: "test.yaml", newName: "test.yaml (after import)")
        #expect(diff.hasPrefix("--- test.yaml\n+++ test.yaml (after import)\n@@ -"))
        #expect(diff.contains("\n-    protocols: [ openai-chat ]\n+    protocols: [ openai-chat, openai-responses ]\n"))
        #expect(diff.contains("\n+  - id: gpt-4.1\n"))
        #expect(diff.contains("\n       - anthropic-messages\n+      - openai-chat\n"))
        // Hunk headers add up: each hunk's old and new line counts match its lines.
        for hunk in diff.components(separatedBy: "\n@@ ").dropFirst() {
            let header = hunk.prefix { $0 != "\n" }
            let numbers = header.split(whereSeparator: { !"0123456789".contains($0) }).compactMap { Int($0) }
            let body = hunk.split(separator: "\n").dropFirst()
            #expect(numbers[1] == body.filter { !$0.hasPrefix("+") }.count, "\(hunk)")
            #expect(numbers[3] == body.filter { !$0.hasPrefix("-") }.count, "\(hunk)")
        }
    }

    @Test("an empty flow list of models takes the new models as a block list")
    func emptyModels() throws {
        let text = Self.catalogText.replacingOccurrences(
            of: Self.catalogText[Self.catalogText.range(of: "models:\n  - id: gpt-4o")!.lowerBound...],
            with: "models: []\n")
        let catalog = try Catalog.load(yaml: text, path: "empty.yaml")
        let plan = ModelImport(
            catalog: catalog, listed: try ModelListPage(json: Self.openAIList, source: "o.json").models)
        let (edited, _) = try plan.applied(to: text, path: "empty.yaml", source: "o.json")
        #expect(edited.contains("models:\n  # Added by relaydocs catalog import from o.json.\n  - id: gpt-4o\n"))
        #expect(try Catalog.load(yaml: edited, path: "x").models.map(\.id) == ["gpt-4o", "gpt-4.1", "claude-old"])
    }

    @Test("bad import rules are reported with their lines")
    func badRules() {
        let yaml = Self.catalogText.replacingOccurrences(
            of: """
                    - prefix: [text-embedding-]
                      skip: true
                """,
            with: """
                    - prefix: [text-embedding-]
                      skip: true
                      protocols: [openai-chat]
                    - list: [bedrock]
                      protocols: [openai-chat]
                    - prefix: x-
                      protocols: [vertex-gemini]
                      colour: blue
                    - prefix: y-
                      protocols: [openai-chat]
                      features: [reasoning]
                    - protocols: [openai-chat]
                """)
        do {
            _ = try Catalog.load(yaml: yaml, path: "rules.yaml")
            Issue.record("the catalog loaded")
        } catch {
            let problems = error.diagnostics.map { "\($0.line): \($0.message)" }
            #expect(
                problems.contains("38: a rule with skip: true leaves models out, so it has no protocols"), "\(problems)"
            )
            #expect(problems.contains { $0.hasPrefix("39: unknown list \"bedrock\"") })
            #expect(problems.contains { $0.hasPrefix("42: unknown protocol \"vertex-gemini\"") })
            #expect(problems.contains { $0.hasPrefix("43: unknown key \"colour\" in an import rule") })
            #expect(problems.contains { $0.hasPrefix("46: features lists reasoning but the rule has no reasoning") })
            #expect(problems.contains { $0.hasPrefix("48: this rule is never used: the rule on line 47") })
        }
    }

    @Test("the default catalog's rules give the default models back from the relay's lists")
    func defaultRules() throws {
        let catalog = try Catalog.load(yaml: DefaultResources.catalogYAML, path: "content/catalog.yaml")
        #expect(catalog.importRules.count >= 5)
        var empty = catalog
        empty.models = []
        // What the relay's OpenAI list shows: every model, owned_by its vendor.
        let listed = catalog.models.map { ListedModel(id: $0.id, ownedBy: $0.vendor.lowercased(), list: .openAI) }
        let plan = ModelImport(catalog: empty, listed: listed)
        // No model list says a model is on Vertex AI (where its id may differ too): those
        // protocols are written by hand.
        let vertex = Set(catalog.protocols.filter { $0.providerID == "vertex" }.map(\.id))
        for model in catalog.models where model.reasoning?.style != .adaptive {
            let added = try #require(plan.added.first { $0.id == model.id }, "\(model.id) not added")
            #expect(added.protocolIDs == model.protocolIDs.filter { !vertex.contains($0) }, "\(model.id)")
            #expect(added.features == model.features, "\(model.id)")
            #expect(added.reasoning == model.reasoning, "\(model.id)")
        }
    }

    @Test("each API lists its models beside its endpoints, below the provider's path")
    func modelListEndpoints() throws {
        let catalog = try Catalog.load(yaml: DefaultResources.catalogYAML, path: "content/catalog.yaml")
        #expect(
            catalog.modelListEndpoints.map { "\($0.kind.rawValue) \($0.path)" } == [
                "openai /v1/models", "anthropic /anthropic/v1/models", "gemini /google/v1beta/models",
            ])
    }
}

/// Line edits, scalars and diffs of hand-written YAML.
@Suite("YAML text edits")
struct YAMLTextEditTests {
    @Test(
        "scalars are written so YAML reads them back as the same text",
        arguments: [
            "gpt-4o", "Claude Sonnet 4", "null", "yes", "4.1", "a: b", "x # y", "\"quoted\"", "back\\slash",
            "tab\there",
            "line\nbreak", "你好", "- dash", "[x]", "{x}", "*star", "&anchor", "!tag", "%p", "@at", "`tick`", " lead",
            "trail ", "", "\u{2028}", "models/gemini-2.5-flash", "o1", "https://relay.example", "a:b", "a:", "a::b",
            "http://x:8080/p%20q", "a :b",
        ])
    func scalarsRoundTrip(text: String) throws {
        let yaml = "key: " + YAMLScalarText.literal(text) + "\nlist: [" + YAMLScalarText.literal(text) + ", z]\n"
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node["key"]?.string == text)
        #expect(node["list"]?.array().first?.string == text)
        #expect(node["key"]?.scalar?.style == (YAMLScalarText.literal(text).hasPrefix("\"") ? .doubleQuoted : .plain))
    }

    @Test("a scalar's extent: quoted to its quote, flow lists to their bracket, plain up to a comment")
    func extents() {
        func extent(_ line: String, _ column: Int) -> String? {
            YAMLScalarText.extent(in: line, column: column).map { String(line[$0]) }
        }
        #expect(extent("  name: Test relay   # shown", 9) == "Test relay")
        #expect(extent(#"  name: "a \" b" # c"#, 9) == #""a \" b""#)
        #expect(extent("  name: 'it''s' x", 9) == "'it''s'")
        #expect(extent("  p: [a, \"]\", b] # c", 6) == "[a, \"]\", b]")
        #expect(extent("  name: \"open", 9) == nil)
        #expect(extent("  p: [a,", 6) == nil)
    }

    @Test("edits apply line by line and keep the final newline, or its absence")
    func applying() {
        let text = YAMLText("a\nb\nc\n")
        #expect(text.applying([YAMLTextEdit(line: 2, count: 1, replacement: ["B", "B2"])]) == "a\nB\nB2\nc\n")
        #expect(text.applying([YAMLTextEdit(line: 4, count: 0, replacement: ["d"])]) == "a\nb\nc\nd\n")
        #expect(YAMLText("a\nb").applying([YAMLTextEdit(line: 1, count: 0, replacement: ["z"])]) == "z\na\nb")
        #expect(text.unifiedDiff([], oldName: "x", newName: "y") == "")
        #expect(
            text.unifiedDiff([YAMLTextEdit(line: 4, count: 0, replacement: ["d"])], oldName: "x", newName: "y")
                == "--- x\n+++ y\n@@ -1,3 +1,4 @@\n a\n b\n c\n+d\n")
    }
}

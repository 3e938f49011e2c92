import Foundation
import RelayCatalog
import RelayDefaults
@testable import RelaySite
import RelaySnippets
import Testing

/// The default catalog with copies of each of its models (those with one id on every protocol)
/// under other ids, and its templates.
private func generator(ids: [String]) throws -> (SnippetGenerator, archetypes: [Model]) {
    var catalog = try Catalog.load(yaml: DefaultResources.catalogYAML, path: "catalog.yaml")
    let archetypes = catalog.models.filter { $0.protocolModelIDs.isEmpty }
    for (number, archetype) in archetypes.enumerated() {
        for id in ids {
            var model = archetype
            model.id = "\(id)\(number)"
            model.name = "Copy \(number) of \(archetype.name)"
            model.vendor = number % 2 == 0 ? archetype.vendor : "Other vendor"
            catalog.models.append(model)
        }
    }
    let templates = try SnippetTemplates(files: DefaultResources.templates, origin: "templates")
    return (SnippetGenerator(catalog: catalog, templates: templates), archetypes)
}

@Suite("Model snippet blocks shared by shape")
struct ModelSnippetShareTests {
    /// Ids filled in from the cuts: plain ones, and ones with `:`, `@`, `/` and the other extras.
    static let fillable = [
        "plain-a", "Plain.B_c-", "qwen/qwen3-235b:free-", "claude-x@2025-06-01-", "a+b=c,d~e-", "vendor/model:tag@v",
    ]
    /// Ids that must be rendered in full: quotes, backslashes, `$`, spaces, non-ASCII, a leading
    /// dash or dot, too many different extra characters.
    static let hostile = [
        "it's-", "say\"hi\"-", "back\\slash-", "cost$x-", "模型-", "-dash-", ".dots.", "a:b@c/d+e=f-", "x`y-",
    ]

    @Test("every shared block is byte for byte the full render, for plain, extra and hostile ids")
    func filledEqualsFull() throws {
        let (generator, archetypes) = try generator(ids: Self.fillable + Self.hostile)
        let share = ModelSnippetShare()
        var compared = 0
        for (number, archetype) in archetypes.enumerated() {
            for protocolID in archetype.protocolIDs {
                for extra in [[], ["stream=true"], ["recipe=json"]] {
                    for (group, id) in ([archetype.id] + (Self.fillable + Self.hostile).map { "\($0)\(number)" })
                        .enumerated().map({ (min($0.offset, 1), $0.element) })
                    {
                        let words = ["model=\(id)", "protocol=\(protocolID)"] + extra
                        let full = try? SnippetBlocks.render(words, prompt: "", generator: generator, group: group)
                        let shared = share.render(words, prompt: "", generator: generator, group: group)
                        guard let shared else { continue }
                        let expected = try #require(full, "\(words): shared but the full render throws")
                        #expect(shared.html == expected.html, "\(words) group \(group): HTML")
                        #expect(shared.markdown == expected.markdown, "\(words) group \(group): Markdown")
                        #expect(!Self.hostile.contains { id.hasPrefix($0) }, "\(id) must be rendered in full")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 50, "the cuts were used")
        #expect(share.hits > 40 && share.hits <= compared, "\(share.hits) of \(compared) from cuts")
        #expect(share.extraHits > 10, "ids with :, @ and / were filled in too")
    }

    @Test("the ids that may be filled in, and the probe of a set of extra characters")
    func ids() {
        #expect(ModelSnippetShare.extraCharacters(of: "gpt-4o") == "")
        #expect(ModelSnippetShare.extraCharacters(of: "qwen/qwen3:free") == "/:")
        #expect(ModelSnippetShare.extraCharacters(of: "claude@2025") == "@")
        for id in Self.hostile + ["", String(repeating: "a", count: 201)] {
            #expect(ModelSnippetShare.extraCharacters(of: id) == nil, "\(id)")
        }
        let share = ModelSnippetShare()
        let probe = share.probe(for: "/:")
        #expect(ModelSnippetShare.extraCharacters(of: probe) == "/:")
        for pair in ["//", "/:", ":/", "::"] { #expect(probe.contains(pair)) }
        #expect(share.probe(for: "") == share.plainProbe)
        #expect(ModelSnippetShare.extraCharacters(of: share.plainProbe) == "")
        #expect(ModelSnippetShare.extraCharacters(of: share.placeholder) == "")
    }

    @Test("a placeholder counts as placed safely in strings and comments, and inside a bare shell word only")
    func placement() {
        let slot = "relaydocsModelSlotX"
        func code(_ language: String, _ body: String) -> String {
            "<div class=\"code-block\"><pre class=\"code\"><code class=\"language-\(language)\">\(body)</code></pre></div>"
        }
        #expect(
            ModelSnippetShare.isSafelyPlaced(
                slot, in: code("python", "m=<span class=\"hl-string\">&quot;\(slot)&quot;</span>")))
        #expect(ModelSnippetShare.isSafelyPlaced(slot, in: code("go", "<span class=\"hl-comment\">// \(slot)</span>")))
        #expect(ModelSnippetShare.isSafelyPlaced(slot, in: code("bash", "curl https://x/models/\(slot):generate \\")))
        #expect(!ModelSnippetShare.isSafelyPlaced(slot, in: code("bash", "curl \(slot) \\")), "a whole word")
        #expect(!ModelSnippetShare.isSafelyPlaced(slot, in: code("bash", "curl x/\(slot)")), "at the end")
        #expect(!ModelSnippetShare.isSafelyPlaced(slot, in: code("python", "x.\(slot).y")), "bare code, not shell")
        #expect(!ModelSnippetShare.isSafelyPlaced(slot, in: "<p>x/\(slot)/y</p>"), "outside code")
        #expect(
            !ModelSnippetShare.isSafelyPlaced(slot, in: code("bash", "<span class=\"hl-option\">-\(slot)</span>")))
    }

    @Test("a block seen for one model only is rendered in full, with nothing more")
    func oneModel() throws {
        let (generator, archetypes) = try generator(ids: ["plain-a"])
        let share = ModelSnippetShare()
        let words = ["model=\(archetypes[0].id)", "protocol=\(archetypes[0].protocolIDs[0])"]
        #expect(share.render(words, prompt: "", generator: generator, group: 0) == nil)
        #expect(share.render(words, prompt: "", generator: generator, group: 0) == nil)
        #expect(share.hits == 0)
        // A prompt or attribute that mentions the placeholders' prefix is never shared.
        let mentioning = ["model=plain-a0", "protocol=\(archetypes[0].protocolIDs[0])"]
        #expect(share.render(mentioning, prompt: "relaydocsModel", generator: generator, group: 0) == nil)
    }
}

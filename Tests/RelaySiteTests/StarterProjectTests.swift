import Foundation
import RelayCatalog
import RelayDefaults
import RelaySite
import Testing

/// `relaydocs init`'s project: the default site rewritten for a new relay.
@Suite("Starter projects")
struct StarterProjectTests {
    let origin = try! RelayOrigin("https://relay.example")

    func text(_ files: [String: Data], _ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    @Test("every page of the default site, with the new name and origin; only site.yaml and catalog.yaml rewritten")
    func allLocales() throws {
        let files = try StarterProject.files(
            from: DefaultResources.content, options: .init(name: "Demo", origin: origin))
        #expect(Set(files.keys) == Set(DefaultResources.content.keys))
        let catalog = try Catalog.load(yaml: text(files, "catalog.yaml"), path: "catalog.yaml")
        #expect(catalog.relay.name == "Demo")
        #expect(catalog.relay.origin.text == "https://relay.example")
        let defaults = try Catalog.load(yaml: DefaultResources.catalogYAML, path: "x")
        #expect(catalog.models == defaults.models)
        #expect(catalog.providers == defaults.providers)
        #expect(catalog.importRules == defaults.importRules)
        // Line for line the default catalog, but for the heading, the name and the origin.
        let old = DefaultResources.catalogYAML.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text(files, "catalog.yaml").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(old.count == new.count)
        let changed = zip(old, new).filter { $0 != $1 }.map { String($1) }
        #expect(
            changed == ["# The relay this docs project documents.", "  name: Demo", "  origin: https://relay.example"])
        let site = text(files, "site.yaml")
        #expect(site.contains("title: Demo Docs\n"))
        #expect(!site.contains("openai-proxy"))
        #expect(site.contains("code: zh") && site.contains("code: en"))
        for (path, data) in files where path.hasSuffix(".md") {
            let page = String(decoding: data, as: UTF8.self)
            #expect(!page.contains(defaults.relay.name), "\(path) still names \(defaults.relay.name)")
        }
        #expect(text(files, "en/index.md").contains("# Demo Docs"))
    }

    @Test("--locales en keeps only English, as the one locale of site.yaml")
    func oneLocale() throws {
        let files = try StarterProject.files(
            from: DefaultResources.content, options: .init(name: "Demo", origin: origin, locales: ["en"]))
        #expect(files.keys.allSatisfy { !$0.hasPrefix("zh/") })
        #expect(files.keys.contains("en/index.md"))
        let site = text(files, "site.yaml")
        #expect(site.contains("  - { code: en, name: English, lang: en }\n"))
        #expect(!site.contains("zh"))
        let reversed = try StarterProject.files(
            from: DefaultResources.content, options: .init(name: "Demo", origin: origin, locales: ["en", "zh"]))
        let both = text(reversed, "site.yaml")
        let en = try #require(both.range(of: "code: en"))
        let zh = try #require(both.range(of: "code: zh"))
        #expect(en.lowerBound < zh.lowerBound, "the first locale given is the default")
    }

    @Test(
        "an unknown or repeated locale, or an empty name, is refused",
        arguments: [
            (["ja"], "Demo", "no locale \"ja\""), (["en", "en"], "Demo", "given twice"), (nil, " ", "the name"),
        ])
    func refusals(locales: [String]?, name: String, message: String) {
        #expect {
            _ = try StarterProject.files(
                from: DefaultResources.content, options: .init(name: name, origin: origin, locales: locales))
        } throws: { error in
            (error as? InvalidValue)?.message.contains(message) == true
        }
    }

    @Test("a project is written into a new or empty folder, never over an existing one")
    func writing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "relaydocs-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try StarterProject.files(
            from: DefaultResources.content, options: .init(name: "Demo", origin: origin, locales: ["en"]))
        try StarterProject.write(files, to: folder.path)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("en/guide/quickstart.md").path))
        let before = try String(contentsOf: folder.appendingPathComponent("catalog.yaml"), encoding: .utf8)
        #expect {
            try StarterProject.write(files, to: folder.path)
        } throws: { error in
            (error as? InvalidValue)?.message.contains("already holds a docs project (site.yaml)") == true
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("catalog.yaml"), encoding: .utf8) == before)
    }
}

import Foundation
import RelayCatalog
import RelaySnippets
import Testing

/// Every snippet of the matrix, with a fixed key, compared with a reviewed file under
/// `Tests/Golden/`. Set `RELAYDOCS_UPDATE_GOLDEN=1` to write the files anew, then review the diff.
@Suite("Golden snippets")
struct GoldenTests {
    static let key = try! APIKey("sk-golden-0123456789abcdef")
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/Golden")
    static let updating = ProcessInfo.processInfo.environment["RELAYDOCS_UPDATE_GOLDEN"] == "1"

    @Test("the snippet matches its golden file", arguments: Fixtures.matrix(key: key))
    func matchesGolden(entry: Fixtures.Entry) throws {
        let code = try Fixtures.generator.snippet(for: entry.request).code
        let file = Self.folder.appendingPathComponent("\(entry.name).\(entry.fileExtension)")
        if Self.updating {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(code.utf8).write(to: file)
            return
        }
        let golden = try? String(contentsOf: file, encoding: .utf8)
        #expect(golden != nil, "no golden file \(file.path); run RELAYDOCS_UPDATE_GOLDEN=1 swift test")
        if let golden {
            #expect(
                code == golden,
                "\(entry.name) differs from \(file.path); if the change is intended, run RELAYDOCS_UPDATE_GOLDEN=1 swift test and review the diff"
            )
        }
    }

    @Test("no golden file is left over from a snippet that no longer exists")
    func noStaleGoldenFiles() throws {
        guard !Self.updating else { return }
        let expected = Set(Fixtures.matrix(key: Self.key).map { "\($0.name).\($0.fileExtension)" })
        let enumerator = FileManager.default.enumerator(at: Self.folder, includingPropertiesForKeys: nil)
        var found: Set<String> = []
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            found.insert(String(url.standardizedFileURL.path.dropFirst(Self.folder.standardizedFileURL.path.count + 1)))
        }
        #expect(found.subtracting(expected).isEmpty, "stale golden files: \(found.subtracting(expected).sorted())")
        #expect(found.count >= 24)
    }
}

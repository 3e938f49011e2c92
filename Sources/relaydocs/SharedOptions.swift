import ArgumentParser
import Foundation
import RelayCatalog
import RelayDefaults
import RelaySite
import RelaySnippets

/// Where the catalog and templates come from, and the origin to serve them from.
struct SourceOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("A catalog YAML file to use instead of the built-in one.", valueName: "file"))
    var catalog: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder laid out like templates/ (with snippets/) to use instead of the built-in templates.",
            valueName: "dir"))
    var templates: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Serve from this origin instead of the catalog's; each provider keeps its path.", valueName: "url"))
    var origin: String?

    /// Loads the catalog (with the origin replaced) and the templates, or fails with their errors.
    func load() throws -> SnippetGenerator {
        var loaded = try loadCatalog(path: catalog)
        if let origin {
            do {
                loaded = loaded.replacingOrigin(with: try RelayOrigin(origin))
            } catch {
                throw Failure("--origin: \(error.message)")
            }
        }
        return SnippetGenerator(catalog: loaded, templates: try loadTemplates())
    }

    func loadTemplates() throws -> SnippetTemplates { try loadTemplateSet(folder: templates).snippets }
}

/// The templates of `--templates` (or the built-in ones), read once: the parsed snippet templates
/// and the files they came from (which hold the site templates too).
func loadTemplateSet(folder: String?) throws -> (snippets: SnippetTemplates, files: [String: String], origin: String) {
    do throws(SnippetError) {
        var files = DefaultResources.templates
        var origin = "templates (built in)"
        if let folder {
            files = try SnippetTemplates.readFolder(folder)
            origin = folder
        }
        return (try parsed.templates(files: files, origin: origin), files, origin)
    } catch {
        throw Failure(error.description)
    }
}

/// The catalog a site uses: `--catalog`, else `catalog.yaml` in the content folder, else nil
/// (the built-in one).
func siteCatalogPath(content: String, option: String?) -> String? {
    let inContent = URL(fileURLWithPath: content).appendingPathComponent("catalog.yaml").path
    return option ?? (FileManager.default.fileExists(atPath: inContent) ? inContent : nil)
}

/// What `build`, `serve` and `benchmark` build a site from: the catalog, the templates and a builder.
func siteBuilder(content: String, output: String, catalogPath: String?, templates: String?) throws -> (
    builder: SiteBuilder, generator: SnippetGenerator
) {
    // Both at once, on two cores: with hundreds of models, each takes tens of milliseconds before
    // the build can start. A problem in the catalog is told first, as when one came after the other.
    let (loadedCatalog, loadedTemplates) = both(
        { try loadCatalog(path: catalogPath) }, { try loadTemplateSet(folder: templates) })
    let catalog = try loadedCatalog.get()
    let templateSet = try loadedTemplates.get()
    let builder = SiteBuilder(
        options: SiteBuilder.Options(
            content: content, output: output, catalog: catalog, snippetTemplates: templateSet.snippets,
            siteTemplates: templateSet.files, siteTemplatesOrigin: templateSet.origin))
    return (builder, SnippetGenerator(catalog: catalog, templates: templateSet.snippets))
}

/// Loads a catalog file, or the built-in catalog when `path` is nil.
func loadCatalog(path: String?) throws -> Catalog {
    do {
        if let path {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                return try Catalog.load(path: path)
            }
            return try parsed.catalog(yaml: text, path: path)
        }
        return try parsed.catalog(
            yaml: DefaultResources.catalogYAML, path: DefaultResources.catalogPath + " (built in)")
    } catch {
        throw Failure(error.description)
    }
}

/// The catalog and templates this process parsed last, by their text. `serve` reads them again
/// on every change, so that an edit to them takes effect; parsing them again when they had not
/// changed was most of a one-page rebuild.
private let parsed = ParsedInputs()

private final class ParsedInputs: @unchecked Sendable {
    private let lock = NSLock()
    private var lastCatalog: (yaml: String, path: String, catalog: Catalog)?
    private var lastTemplates: (files: [String: String], origin: String, templates: SnippetTemplates)?

    func catalog(yaml: String, path: String) throws(CatalogError) -> Catalog {
        if let last = lock.withLock({ lastCatalog }), last.yaml == yaml, last.path == path { return last.catalog }
        let catalog = try Catalog.load(yaml: yaml, path: path)
        lock.withLock { lastCatalog = (yaml, path, catalog) }
        return catalog
    }

    func templates(files: [String: String], origin: String) throws(SnippetError) -> SnippetTemplates {
        if let last = lock.withLock({ lastTemplates }), last.origin == origin, last.files == files {
            return last.templates
        }
        let templates = try SnippetTemplates(files: files, origin: origin)
        lock.withLock { lastTemplates = (files, origin, templates) }
        return templates
    }
}

/// An error already worded for the user: printed to standard error as is, with exit status 1.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Language: ExpressibleByArgument {}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs a command body, turning ``Failure`` and snippet errors into a message on standard
/// error and exit status 1.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        printError(
            failure.description.split(separator: "\n").map { $0.contains(": error: ") ? String($0) : "error: \($0)" }
                .joined(separator: "\n"))
        throw ExitCode.failure
    } catch let error as SnippetError {
        let text = error.description
        printError(text.contains(": error: ") ? text : "error: \(text)")
        throw ExitCode.failure
    }
}

/// Prints what a command answered (its standard output and standard error as they are) and
/// exits with status 1 when it failed.
func write(_ output: CommandOutput) throws {
    print(output.standardOutput, terminator: "")
    if !output.standardError.isEmpty { FileHandle.standardError.write(Data(output.standardError.utf8)) }
    if output.usageError { throw ExitCode.validationFailure }
    if output.failed { throw ExitCode.failure }
}

/// Parses `--key`, refusing keys no HTTP header can carry.
func parseKey(_ text: String?) throws -> APIKey? {
    guard let text else { return nil }
    do {
        return try APIKey(text)
    } catch {
        throw Failure("--key: \(error.message)")
    }
}

/// Runs `first` and `second` at once, on two cores, and returns what each returned or threw.
func both<First: Sendable, Second: Sendable>(
    _ first: @escaping @Sendable () throws -> First, _ second: @escaping @Sendable () throws -> Second
) -> (Result<First, any Error>, Result<Second, any Error>) {
    let results = Locked<(Result<First, any Error>?, Result<Second, any Error>?)>((nil, nil))
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 {
            let value = Result { try first() }
            results.withLock { $0.0 = value }
        } else {
            let value = Result { try second() }
            results.withLock { $0.1 = value }
        }
    }
    let (one, other) = results.get()
    return (one!, other!)
}

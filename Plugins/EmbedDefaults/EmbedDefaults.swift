import Foundation
import PackagePlugin

/// Compiles the default site (every file under `content/`, the catalog among them) and every
/// file under `templates/` into the target as constants, so the `relaydocs` binary needs no
/// files beside it: `relaydocs init` writes a new project from the embedded `content/`.
@main
struct EmbedDefaults: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs = regularFiles(under: root.appending(path: "content"))
        inputs += regularFiles(under: root.appending(path: "templates"))
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default content and templates",
                executable: try context.tool(named: "EmbedDefaultsTool").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func regularFiles(under folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        return enumerator.compactMap { item in
            guard let url = item as? URL,
                (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { return nil }
            return url
        }
    }
}

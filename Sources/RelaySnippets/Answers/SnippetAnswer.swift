import RelayCatalog

extension SnippetGenerator {
    /// What `relaydocs snippet` prints for a request and the key as typed: the code on standard
    /// output, and on standard error the note about a model the catalog does not list, or the error.
    ///
    /// The one reading of the command's options that the command line and `relaydocs mcp`'s
    /// `get_snippet` share, so both answer (and refuse) alike. The checks come in the command's
    /// order: the model, then the key (named `--key` in its error, which never holds its value),
    /// then the snippet itself. The request's own `key` is not read.
    public func snippetCommand(_ request: SnippetRequest, key: String?) -> CommandOutput {
        var notes = ""
        do throws(SnippetError) {
            let resolution = try resolve(model: request.model)
            if let note = resolution.note { notes += note + "\n" }
            var request = request
            request.key = nil
            if let key {
                do {
                    request.key = try APIKey(key)
                } catch {
                    throw .invalidValue(InvalidValue("--key: \(error.message)"))
                }
            }
            return CommandOutput(
                standardOutput: try snippet(for: request, resolution: resolution).code, standardError: notes)
        } catch {
            return .failure(error, after: notes)
        }
    }
}

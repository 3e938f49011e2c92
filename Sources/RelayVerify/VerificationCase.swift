import RelayCatalog
import RelaySnippets

/// One snippet to run: a model, protocol, language, recipe and variant, with the key it carries.
public struct VerificationCase: Sendable, CustomStringConvertible {
    /// The position in the run, which also makes the key unique.
    public var index: Int
    public var request: SnippetRequest
    public var protocolID: String
    /// Whether the run also checks that the snippet fails loudly when the relay fails. The code
    /// that handles failures is the same for every model, so it is checked once per shape
    /// (language, protocol, recipe, stream and variant): on the first case of each.
    public var checksFailures = true
    /// Whether the snippet is given an image URL on the stand-in relay (the vision recipe's second
    /// variant; the first sends the recipe's image file).
    public var imageOnRelay = false
    /// Code made elsewhere for this request (such as by `relaydocs mcp`'s `get_snippet`) to run as
    /// it is, instead of rendering the request; with the key it was made with.
    public var given: (code: String, key: APIKey)?

    /// What the snippet's code depends on besides the model, key and prompt.
    public var shape: String {
        [
            request.language.rawValue, protocolID, request.recipe, "\(request.stream)",
            "\(request.thinkingBudget != nil)", "\(request.cache)", request.effort ?? "", "\(imageOnRelay)",
        ].joined(separator: " ")
    }

    /// Creates a case.
    public init(index: Int, request: SnippetRequest, protocolID: String) {
        self.index = index
        self.request = request
        self.protocolID = protocolID
    }

    /// Marks all but the first case of each shape as not checking failures.
    static func checkingFailuresOncePerShape(_ cases: [VerificationCase]) -> [VerificationCase] {
        var seen: Set<String> = []
        return cases.map { verificationCase in
            var copy = verificationCase
            copy.checksFailures = seen.insert(verificationCase.shape).inserted
            return copy
        }
    }

    /// `python anthropic-messages claude-sonnet-4-20250514 hello stream thinking`
    public var description: String {
        var request = request
        request.protocolID = protocolID
        return request.description + (imageOnRelay ? " image=url" : "")
    }

    /// Every snippet the catalog can produce: each model × accepted protocol × language × recipe
    /// it can do × plain and stream, plus the extended-thinking and prompt-caching variants of
    /// Anthropic Messages' `hello`.
    public static func all(
        generator: SnippetGenerator, languages: [Language], prompt: String, thinkingBudget: Int = 2048
    ) -> [VerificationCase] {
        var cases: [VerificationCase] = []
        for model in generator.catalog.models {
            for protocolID in model.protocolIDs {
                for language in languages {
                    for recipe in generator.recipes(model: model.id, protocolID: protocolID, language: language) {
                        var variants: [(thinking: Int?, cache: Bool)] = [(nil, false)]
                        if recipe.id == Recipe.defaultID, protocolID == "anthropic-messages" {
                            // The budget variant only where the model takes a budget.
                            if model.reasoning.map({ $0.style == .budget }) ?? true {
                                variants.append((thinkingBudget, false))
                            }
                            variants.append((nil, true))
                        }
                        let streams = recipe.noStream.contains(language) ? [false] : [false, true]
                        let images = recipe.image == nil ? [false] : [false, true]
                        for variant in variants {
                            for stream in streams {
                                for imageOnRelay in images {
                                    let request = SnippetRequest(
                                        model: model.id, language: language, protocolID: protocolID,
                                        recipe: recipe.id, prompt: prompt, stream: stream,
                                        thinkingBudget: variant.thinking, cache: variant.cache)
                                    var verificationCase = VerificationCase(
                                        index: cases.count, request: request, protocolID: protocolID)
                                    verificationCase.imageOnRelay = imageOnRelay
                                    cases.append(verificationCase)
                                }
                            }
                        }
                    }
                }
            }
        }
        return cases
    }

    /// A key no other case uses, with the characters that break careless quoting (or the key
    /// given code was made with).
    public var key: APIKey {
        // Visible ASCII only: quotes, $( ), backticks, backslashes and \( all fit in a header.
        given?.key ?? (try! APIKey("sk-verify-\(index)-'\"$(id)`id`\\(x)\\\\%s;|&"))
    }
}

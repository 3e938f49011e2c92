/// Every escaper a template may call, by name. A language's `language.yaml` lists the ones its
/// templates use; a template that calls another is refused.
///
/// Final escapers write finished code (a literal, a quoted word, comment text); intermediate ones
/// (`json`) encode a value that must then pass a final escaper, as in `{{shell(json(prompt))}}`.
public enum Escapers {
    /// The escapers by the name templates call them.
    public static let all: [String: Escaper] = [
        "python": Escaper(.final, PythonLiteral.string),
        "swift": Escaper(.final, SwiftLiteral.string),
        "javascript": Escaper(.final, JavaScriptLiteral.string),
        "go": Escaper(.final, GoLiteral.string),
        "java": Escaper(.final, JavaLiteral.string),
        "shell": Escaper(.final, ShellQuoting.insideSingleQuotes),
        "shellWord": Escaper(.final, ShellQuoting.word),
        "json": Escaper(.intermediate, JSONLiteral.string),
        // Client set-ups (templates/clients/): configuration files, environment files and deep links.
        "jsonString": Escaper(.final, JSONLiteral.string),
        "toml": Escaper(.final, TOMLLiteral.string),
        "tomlKey": Escaper(.final, TOMLLiteral.key),
        "dotenv": Escaper(.final, DotenvValue.value),
        "urlComponent": Escaper(.final, URLComponent.encoded),
        "base64": Escaper(.intermediate, URLComponent.base64),
        // Text a person reads or types into an app's field: invisible characters replaced.
        "text": Escaper(.final, CodeText.printable),
        // Comments have no escape syntax: line breaks and invisible characters are replaced.
        "comment": Escaper(.final, CodeText.printable),
        // Java reads Unicode escapes even in comments: its comments double every backslash too.
        "javaComment": Escaper(.final, JavaLiteral.comment),
    ]

    /// Every way a template can write a value: each final escaper alone, then after each
    /// intermediate one (`shell(json(…))`), in a fixed order (by name), for code that finds out
    /// how a template wrote a value by trying each.
    public static let chains: [@Sendable (String) -> String] = {
        let names = all.keys.sorted()
        var chains: [@Sendable (String) -> String] = []
        for name in names {
            guard let final = all[name], final.stage == .final else { continue }
            chains.append(final.apply)
            for inner in names {
                guard let intermediate = all[inner], intermediate.stage == .intermediate else { continue }
                chains.append { final.apply(intermediate.apply($0)) }
            }
        }
        return chains
    }()
}

// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "relaydocs",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "relaydocs", targets: ["relaydocs"]),
        .library(name: "RelayCatalog", targets: ["RelayCatalog"]),
        .library(name: "RelaySnippets", targets: ["RelaySnippets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
    ],
    targets: [
        // Typed reading of YAML files with every problem reported at its line.
        .target(
            name: "RelayYAML",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The relay model: providers, protocols, SDKs and models, loaded from YAML and validated.
        .target(
            name: "RelayCatalog",
            dependencies: ["RelayYAML", .product(name: "Yams", package: "Yams")]
        ),
        // Quick-start code for one model, key and prompt: escapers, one renderer per language, templates.
        .target(
            name: "RelaySnippets",
            dependencies: ["RelayCatalog", "RelayTemplates", "RelayYAML", .product(name: "Yams", package: "Yams")]
        ),
        // libcmark from Debian's libcmark-dev; `make` installs it when it is missing.
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // CommonMark through libcmark, and the Markdown extensions: tables, containers, alerts, heading ids.
        .target(
            name: "RelayMarkdown",
            dependencies: ["CCMark"]
        ),
        // The static docs site: content/ + templates/site/ -> site/.
        .target(
            name: "RelaySite",
            dependencies: [
                "RelayCatalog", "RelaySnippets", "RelayMarkdown", "RelayHighlight", "RelayTemplates", "RelayYAML",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `relaydocs serve`: the site with live reload, and the snippet API (Hummingbird).
        .target(
            name: "RelayServer",
            dependencies: [
                "RelaySite", "RelaySnippets", "RelayCatalog", "RelayMCP", "RelayHighlight",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // `relaydocs mcp`: the catalog's code and tables as Model Context Protocol tools (swift-sdk).
        .target(
            name: "RelayMCP",
            dependencies: [
                "RelayCatalog", "RelaySnippets",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Build-time syntax highlighting (python, bash, swift, json) into HTML spans.
        .target(name: "RelayHighlight"),
        // Mustache templates compiled once and rendered from typed values (no dependencies).
        .target(name: "RelayTemplates"),
        // A local server that answers like the relay (OpenAI, Anthropic, Gemini) and records every request.
        .target(
            name: "StandInRelay",
            dependencies: [
                "RelayCatalog",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `relaydocs verify`: renders every snippet, runs it against the stand-in relay, checks each request.
        .target(
            name: "RelayVerify",
            dependencies: ["RelayCatalog", "RelaySnippets", "StandInRelay"]
        ),
        // The default content (catalog and site) and templates, compiled into the binary so it works from any folder.
        .target(
            name: "RelayDefaults",
            plugins: ["EmbedDefaults"]
        ),
        .executableTarget(
            name: "relaydocs",
            dependencies: [
                "RelayCatalog",
                "RelaySnippets",
                "RelayDefaults",
                "RelayVerify",
                "RelayMarkdown",
                "RelaySite",
                "RelayServer",
                "RelayMCP",
                "StandInRelay",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time helper: turns templates/ and content/ into Swift constants.
        .executableTarget(name: "EmbedDefaultsTool"),
        .plugin(
            name: "EmbedDefaults",
            capability: .buildTool(),
            dependencies: ["EmbedDefaultsTool"]
        ),
        .testTarget(
            name: "RelayCatalogTests",
            dependencies: ["RelayCatalog", "RelayDefaults", "RelayYAML", .product(name: "Yams", package: "Yams")]
        ),
        // Test support: readers of the conformance files and of the cache `make conformance` fills.
        .target(
            name: "ConformanceSupport",
            path: "Tests/ConformanceSupport"
        ),
        .testTarget(
            name: "RelayMarkdownTests",
            dependencies: ["RelayMarkdown", "ConformanceSupport"]
        ),
        .testTarget(
            name: "RelaySiteTests",
            dependencies: ["RelaySite", "RelayCatalog", "RelaySnippets", "RelayDefaults"]
        ),
        .testTarget(
            name: "RelayServerTests",
            dependencies: [
                "RelayServer", "RelaySite", "RelaySnippets", "RelayCatalog", "RelayDefaults",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "RelayMCPTests",
            dependencies: [
                "RelayMCP", "RelaySnippets", "RelayCatalog", "RelayDefaults",
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .testTarget(
            name: "RelayTemplatesTests",
            dependencies: ["RelayTemplates", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Spec")]
        ),
        .testTarget(
            name: "RelayHighlightTests",
            dependencies: ["RelayHighlight"]
        ),
        .testTarget(
            name: "RelayVerifyTests",
            dependencies: [
                "RelayCatalog", "RelaySnippets", "RelayDefaults", "RelayVerify", "StandInRelay", "RelaySite",
            ]
        ),
        .testTarget(
            name: "RelaydocsCLITests",
            dependencies: ["relaydocs", "RelayVerify", "RelayCatalog", "StandInRelay", "ConformanceSupport"]
        ),
        .testTarget(
            name: "RelaySnippetsTests",
            dependencies: [
                "RelayCatalog",
                "RelaySnippets",
                "RelayDefaults",
                "RelayVerify",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

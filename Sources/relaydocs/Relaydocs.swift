import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// The `relaydocs` command.
@main
struct Relaydocs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relaydocs",
        abstract: "Quick-start code and docs for an LLM API relay, made from one catalog.",
        subcommands: [
            InitCommand.self, SnippetCommand.self, SnippetsCommand.self, RecipesCommand.self, ModelsCommand.self,
            ClientsCommand.self, SetupCommand.self, DoctorCommand.self,
            DomainsCommand.self, CatalogCommand.self, VerifyCommand.self,
            StandInCommand.self,
            MarkdownCommand.self,
            BuildCommand.self, ServeCommand.self, MCPCommand.self, BenchmarkCommand.self,
        ]
    )

    static func main() async {
        if CommandLine.arguments.dropFirst().first == BuildCommand.configuration.commandName {
            MallocSteps.growInLargeSteps()
        }
        await main(nil)
    }
}

/// How glibc's malloc grows its heaps.
enum MallocSteps {
    /// `mallopt(M_TOP_PAD, 32 MiB)`, before any thread but the main one has its heap. glibc grows
    /// a heap 128 KiB at a time, each step a system call and new pages; a build grows them
    /// 32 MiB at a time (pages still come when first touched, so peak RSS stays the same): 3 % of
    /// a 2,000-page build's wall time, in alternating rounds. Only for `build`: in a server,
    /// which lives on, the pad is also what each heap keeps instead of giving it back.
    ///
    /// Swift's Glibc module leaves out `malloc.h`, so the function is looked up by name; with
    /// another C library nothing changes.
    static func growInLargeSteps() {
        #if canImport(Glibc)
            typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
            let topPad: Int32 = -2  // M_TOP_PAD in glibc's malloc.h
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: MallocOption.self)(topPad, 32 << 20)
        #endif
    }
}

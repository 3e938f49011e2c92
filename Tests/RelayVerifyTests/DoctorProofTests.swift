import Foundation
import RelayCatalog
import RelaySnippets
import RelayVerify
import StandInRelay
import Testing

/// The Python SDKs at the low end of the catalog's ranges: `make venv-lowest`.
let lowestPython: String = {
    if let python = ProcessInfo.processInfo.environment["RELAYDOCS_LOWEST_PYTHON"] { return python }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".venv-lowest/bin/python").path
}()

/// `relaydocs doctor` against the real clients: each Python client runs once with the right base
/// URL and every common mistake against the stand-in relay, and the path that arrives must be the
/// doctor's `requestURL`, and the relay's answer (404 or not) its `served`.
@Suite("the doctor predicts the path each real Python client sends", .serialized)
struct DoctorProofTests {
    /// The right base URLs and the common mistakes, by the protocol's provider path.
    static func bases(_ origin: String, _ protocolID: String) -> [String] {
        switch protocolID {
        case "anthropic-messages":
            // right; /v1 added; /anthropic missing; a trailing slash; the OpenAI base URL.
            [origin + "/anthropic", origin + "/anthropic/v1", origin, origin + "/anthropic/", origin + "/v1"]
        case "gemini-generate":
            // right (SDKs), right (litellm); /google missing; a trailing slash; the OpenAI base URL; both.
            [
                origin + "/google", origin + "/google/v1beta", origin, origin + "/google/", origin + "/v1",
                origin + "/google/v1beta/",
            ]
        default:
            // right; /v1 missing; /v1 doubled; a trailing slash; two; the Anthropic base URL.
            [origin + "/v1", origin, origin + "/v1/v1", origin + "/v1/", origin + "/v1//", origin + "/anthropic"]
        }
    }

    /// One client run: the doctor's id, the protocol, the interpreter, the package whose release
    /// the doctor is told (SDK ids).
    struct Job: Sendable, CustomStringConvertible {
        var client: String
        var protocolID: String
        var python: String
        var package: String?
        var description: String { "\(client) \(protocolID) (\(python))" }
    }

    static let sdkPythons = [sdkPython, lowestPython]
    static var jobs: [Job] {
        var jobs: [Job] = []
        for python in sdkPythons {
            jobs.append(Job(client: "openai", protocolID: "openai-chat", python: python, package: "openai"))
            jobs.append(Job(client: "openai", protocolID: "openai-responses", python: python, package: "openai"))
            jobs.append(
                Job(client: "anthropic", protocolID: "anthropic-messages", python: python, package: "anthropic"))
            jobs.append(
                Job(client: "google-genai", protocolID: "gemini-generate", python: python, package: "google-genai"))
        }
        let frameworks: [(String, String)] = [
            ("openai-env", "openai-chat"), ("anthropic-env", "anthropic-messages"), ("genai-env", "gemini-generate"),
            ("langchain", "openai-chat"), ("llamaindex", "openai-chat"), ("pydantic-ai", "openai-chat"),
            ("openai-agents", "openai-responses"), ("litellm", "openai-chat"), ("litellm", "gemini-generate"),
        ]
        for (client, protocolID) in frameworks {
            jobs.append(Job(client: client, protocolID: protocolID, python: "\(clientVenvs)/\(client)/bin/python"))
        }
        return jobs
    }

    static let probe = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("doctor/probe.py").path

    @Test("every client × every base URL: the doctor's requestURL is the path that arrived", arguments: jobs)
    func proof(_ job: Job) async throws {
        for python in [job.python] where !FileManager.default.isExecutableFile(atPath: python) {
            Issue.record(
                "\(python) is missing: make venv (the newest SDKs), make venv-lowest (the lowest) or make client-venvs (the frameworks)"
            )
            return
        }
        let generator = SnippetGenerator(catalog: defaultCatalog, templates: defaultTemplates)
        let relay = try await StandInRelay.start(catalog: defaultCatalog)
        let wire = try #require(defaultCatalog.wireProtocol(id: job.protocolID))
        let model = try #require(
            defaultCatalog.models.first { $0.protocolIDs.first == job.protocolID }
                ?? defaultCatalog.models.first { $0.protocolIDs.contains(job.protocolID) }
        ).id
        let tag = "\(job.client)-\(job.protocolID)-\(UUID().uuidString.prefix(8))"
        let cases = Self.bases(relay.origin, job.protocolID).enumerated().map { index, base in
            (key: "sk-doctor-\(tag)-\(index)", baseURL: base)
        }
        for item in cases { await relay.allow(key: item.key) }
        var version: String?
        if let package = job.package {
            let result = try await ProgramRunner.run(
                job.python, ["-c", "import importlib.metadata as m; print(m.version(\(package.debugDescription)))"])
            version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let input: [String: Any] = [
            "client": job.client, "protocol": job.protocolID, "model": model, "apiVersion": wire.apiVersion ?? "",
            "cases": cases.map { ["key": $0.key, "baseURL": $0.baseURL] },
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
        let result = try await ProgramRunner.run(job.python, [Self.probe, json], timeout: .seconds(180))
        #expect(result.status == 0, "\(job): \(result.stderr)")
        var servedOnce = false
        for item in cases {
            let arrived = await relay.requests(carrying: item.key).filter { $0.method == "POST" }
            let diagnosis = try generator.diagnose(
                DoctorRequest(
                    client: job.client, baseURL: item.baseURL, protocolID: job.protocolID, model: model,
                    sdkVersion: version))
            guard let first = arrived.first else {
                Issue.record("\(job) \(item.baseURL): no request arrived (\(result.stdout))")
                continue
            }
            #expect(
                diagnosis.requestURL == relay.origin + first.path,
                "\(job) with \(item.baseURL): the doctor says \(diagnosis.requestURL), \(first.path) arrived")
            #expect(
                diagnosis.served == (first.status != 404),
                "\(job) with \(item.baseURL): served \(diagnosis.served), the relay answered \(first.status)")
            if let suggested = diagnosis.suggestedBaseURL {
                let fixed = try generator.diagnose(
                    DoctorRequest(
                        client: job.client, baseURL: suggested, protocolID: job.protocolID, model: model,
                        sdkVersion: version))
                #expect(fixed.served, "\(job): the suggested \(suggested) is not served either")
            }
            servedOnce = servedOnce || diagnosis.served
        }
        #expect(servedOnce, "\(job): no base URL was served")
        await relay.stop()
    }
}

import Daemon
import Foundation
import Testing
import ZeroMQ

@Suite("Configuration")
struct ConfigurationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func write(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("enrichd-\(UUID().uuidString).yaml")
            .path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func referenceFileIsValidAndDocumentsEveryKey() async throws {
        let path = Self.repository.appendingPathComponent("config/enrichd.yaml").path
        let configuration = try await ConfigurationLoader(filePath: path, environment: [:]).load()
        #expect(configuration.input.type == .pull)
        #expect(configuration.output.type == .push)
        #expect(configuration.deadLetter == nil)
        #expect(configuration.maxInFlight == 4 * ProcessInfo.processInfo.activeProcessorCount)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for key in ConfigurationKey.all {
            let leaf = key.name.split(separator: ".").last!
            #expect(text.contains("  \(leaf): "), "config/enrichd.yaml does not document \(key.name)")
            #expect(text.contains(key.environmentName), "config/enrichd.yaml does not name \(key.environmentName)")
        }
        #expect(configuration.effectiveValues.count == ConfigurationKey.all.count)
    }

    @Test func precedenceIsFlagsThenEnvironmentThenFile() async throws {
        let path = try write("http:\n  port: 1111\nlog:\n  level: debug\npipeline:\n  maxInFlight: 3\n")
        let configuration = try await ConfigurationLoader(
            filePath: path, arguments: ["--http-port", "3333"],
            environment: ["ENRICHD_HTTP_PORT": "2222", "ENRICHD_LOG_LEVEL": "error"]
        ).load()
        #expect(configuration.http?.port == 3333)
        #expect(configuration.logLevel == "error")
        #expect(configuration.maxInFlight == 3)
        #expect(configuration.entities)
        let withoutEntities = try await ConfigurationLoader(
            filePath: path, environment: ["ENRICHD_PIPELINE_ENTITIES": "false"]
        ).load()
        #expect(!withoutEntities.entities)
    }

    @Test func listsComeFromYAMLAndEnvironment() async throws {
        let path = try write(
            "input:\n  type: sub\n  topics: [\"news.\", \"wire.\"]\n  endpoints: [tcp://10.0.0.1:1, ipc:///tmp/x]\n")
        let fromFile = try await ConfigurationLoader(filePath: path, environment: [:]).load()
        #expect(fromFile.input.topics == ["news.", "wire."])
        #expect(fromFile.input.endpoints == ["tcp://10.0.0.1:1", "ipc:///tmp/x"])
        let fromEnvironment = try await ConfigurationLoader(
            filePath: path, environment: ["ENRICHD_INPUT_ENDPOINTS": "tcp://a:1,tcp://b:2"]
        ).load()
        #expect(fromEnvironment.input.endpoints == ["tcp://a:1", "tcp://b:2"])
    }

    @Test(arguments: [
        ("inptu:\n  type: pull\n", "unknown key inptu"),
        ("input:\n  tyep: pull\n", "unknown key input.tyep"),
        ("input:\n  type: router\n", "input.type"),
        ("http:\n  port: 70000\n", "http.port"),
        ("http:\n  port: eighty\n", "http.port"),
        ("input:\n  type: sub\n", "input.topics"),
        ("output:\n  endpoints: [localhost:5]\n", "output.endpoints"),
        ("shutdown:\n  lingerMs: 30000\n  drainTimeoutMs: 1000\n", "shutdown.lingerMs"),
        ("input:\n  highWaterMark: 0\n", "input.highWaterMark"),
        ("output:\n  highWaterMark: 99999999999\n", "output.highWaterMark"),
        ("input:\n  reconnectIntervalMs: 500\n  reconnectIntervalMaxMs: 100\n", "input.reconnectIntervalMaxMs"),
    ])
    func invalidValuesAreRejectedByName(yaml: String, named: String) async throws {
        let path = try write(yaml)
        do {
            _ = try await ConfigurationLoader(filePath: path, environment: [:]).load()
            Issue.record("expected a configuration error naming \(named)")
        } catch let error as ConfigurationError {
            #expect(error.description.contains(named), "\(error)")
        }
    }

    @Test func unknownEnvironmentVariablesAndFlagsAreRejected() async throws {
        do {
            _ = try await ConfigurationLoader(
                filePath: nil, arguments: ["--http-prot", "1"], environment: ["ENRICHD_HTTP_PROT": "1"]
            ).load()
            Issue.record("expected an error")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("ENRICHD_HTTP_PROT"))
            #expect(error.description.contains("--http-prot"))
        }
    }

    @Test func keyNamesEncodeLikeTheProviders() {
        let key = ConfigurationKey.named("input.highWaterMark")!
        #expect(key.environmentName == "ENRICHD_INPUT_HIGH_WATER_MARK")
        #expect(key.flagName == "--input-high-water-mark")
        #expect(ConfigurationKey.named("deadLetter.enabled")!.environmentName == "ENRICHD_DEAD_LETTER_ENABLED")
    }
}

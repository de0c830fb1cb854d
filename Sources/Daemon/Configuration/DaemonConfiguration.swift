import Foundation
public import Spool
import ZeroMQ

/// The effective configuration of one daemon process.
///
/// Built by ``ConfigurationLoader``; every key is documented in ``ConfigurationKey/all`` and in
/// `config/enrichd.yaml`.
public struct DaemonConfiguration: Sendable {
    /// Worker identity written into every output record.
    public var workerName: String
    /// The socket articles arrive on (PULL or SUB).
    public var input: SocketConfiguration
    /// The socket enriched articles leave on (PUSH or PUB).
    public var output: SocketConfiguration
    /// The dead-letter socket, when enabled.
    public var deadLetter: SocketConfiguration?
    /// Articles received but not yet finished (`pipeline.maxInFlight`, resolved).
    public var maxInFlight: Int
    /// Whether enrichers run (false = pass-through).
    public var enrichment: Bool
    /// Whether the entity tagger runs (`pipeline.entities`).
    public var entities: Bool
    /// Keyphrases per article (`pipeline.keywords`; 0 = none).
    public var keywords: Int
    /// Summary sentences per article (`pipeline.summarySentences`; 0 = none).
    public var summarySentences: Int
    /// Recent fingerprints kept for near-duplicate marking (`pipeline.duplicates`; 0 = off).
    public var duplicates: Int
    /// How long a fingerprint is kept (`pipeline.duplicateWindowSeconds`).
    public var duplicateWindow: Duration
    /// Client public keys admitted by CURVE server sockets (`security.clientKeysDirectory`), if set.
    public var clientKeys: ClientKeyDirectory?
    /// Largest payload accepted for processing.
    public var maxPayloadBytes: Int
    /// The disk spool, when `spool.path` is set; a relative path is already resolved.
    public var spool: Spool.Configuration?
    /// Deadline for the whole drain after SIGTERM.
    public var drainTimeout: Duration
    /// Part of the drain reserved to flush queued output.
    public var linger: Duration
    /// HTTP endpoint settings; nil when disabled.
    public var http: (host: String, port: Int)?
    /// Log level name.
    public var logLevel: String
    /// `text` or `json`.
    public var logFormat: String
    /// Interval of systemd STATUS/WATCHDOG notifications.
    public var statusInterval: Duration

    /// Every key with its effective value, in documentation order (for `enrichd check-config`).
    public var effectiveValues: [(key: String, value: String)] = []

    init(settings: SettingsReader) {
        let name = settings.string("worker.name")
        self.workerName = name.isEmpty ? Self.defaultWorkerName() : name
        self.input = SocketConfiguration(settings: settings, prefix: "input", name: "input", allowed: [.pull, .sub, .dealer])
        self.output = SocketConfiguration(settings: settings, prefix: "output", name: "output", allowed: [.push, .pub])
        let deadLetter = SocketConfiguration(
            settings: settings, prefix: "deadLetter", name: "deadletter", allowed: [.push, .pub])
        self.deadLetter = settings.bool("deadLetter.enabled") ? deadLetter : nil
        let keysPath = settings.string("security.clientKeysDirectory")
        self.clientKeys = keysPath.isEmpty ? nil : ClientKeyDirectory(path: keysPath)
        if let clientKeys {
            do {
                _ = try clientKeys.load()
            } catch {
                settings.problem("security.clientKeysDirectory", error.description)
            }
        }
        let inFlight = settings.int("pipeline.maxInFlight", in: 0...100_000)
        self.maxInFlight = inFlight == 0 ? 4 * ProcessInfo.processInfo.activeProcessorCount : inFlight
        self.enrichment = settings.bool("pipeline.enrichment")
        self.entities = settings.bool("pipeline.entities")
        self.keywords = settings.int("pipeline.keywords", in: 0...50)
        self.summarySentences = settings.int("pipeline.summarySentences", in: 0...20)
        self.duplicates = settings.int("pipeline.duplicates", in: 0...10_000_000)
        self.duplicateWindow = .seconds(settings.int("pipeline.duplicateWindowSeconds", in: 1...31_536_000))
        self.maxPayloadBytes = settings.int("pipeline.maxPayloadBytes", in: 1...(1 << 30))
        let spoolPath = settings.string("spool.path")
        let spool = Spool.Configuration(
            path: Self.resolve(spoolPath, in: ProcessInfo.processInfo.environment["STATE_DIRECTORY"]),
            maxBytes: settings.int("spool.maxBytes", in: 65_536...(1 << 40)),
            durability: Spool.Configuration.Durability(
                rawValue: settings.choice("spool.durability", ["process", "host"])) ?? .process,
            releaseDelay: settings.milliseconds("spool.releaseDelayMs", in: 0...600_000))
        self.spool = spoolPath.isEmpty ? nil : spool
        self.drainTimeout = settings.milliseconds("shutdown.drainTimeoutMs", in: 100...600_000)
        self.linger = settings.milliseconds("shutdown.lingerMs", in: 0...600_000)
        let host = settings.string("http.host")
        let port = settings.int("http.port", in: 0...65_535)
        self.http = settings.bool("http.enabled") ? (host, port) : nil
        self.logLevel = settings.choice(
            "log.level", ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        self.logFormat = settings.choice("log.format", ["text", "json"])
        self.statusInterval = settings.milliseconds("systemd.statusIntervalMs", in: 100...3_600_000)
        self.effectiveValues = settings.readValues
    }

    /// Problems that involve more than one key.
    func crossFieldProblems() -> [String] {
        var problems: [String] = []
        if input.type == .sub && input.topics.isEmpty {
            problems.append("input.topics: required for a SUB input (use [\"\"] to receive every topic)")
        }
        if input.type != .sub && !input.topics.isEmpty {
            problems.append("input.topics: only valid for a SUB input")
        }
        let servers = [input, output] + (deadLetter.map { [$0] } ?? [])
        let curveServers = servers.filter { if case .server = $0.curve { true } else { false } }
        if !curveServers.isEmpty && clientKeys == nil {
            problems.append(
                "security.clientKeysDirectory: required when a socket is a CURVE server (\(curveServers.map(\.name).joined(separator: ", ")))")
        }
        if linger >= drainTimeout {
            problems.append("shutdown.lingerMs: must be shorter than shutdown.drainTimeoutMs")
        }
        return problems
    }

    /// `path` as given when absolute, else under `directory` (systemd's first `$STATE_DIRECTORY` entry) or
    /// the working directory.
    static func resolve(_ path: String, in directory: String?) -> String {
        guard !path.hasPrefix("/"), let base = directory?.split(separator: ":").first, !base.isEmpty else {
            return path
        }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// `hostname/pid`; units set `worker.name` to `%H/%i` instead.
    static func defaultWorkerName() -> String {
        "\(ProcessInfo.processInfo.hostName)/\(getpid())"
    }
}

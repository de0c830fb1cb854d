import ArgumentParser
import Daemon
import Foundation
import Logging
import Spool

/// `enrichd run --config FILE [--key value ...]`: runs the daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon.",
        discussion: """
            Configuration precedence: flags such as --input-endpoints or --http-port (every key of \
            config/enrichd.yaml, dots and camelCase as dashes), then ENRICHD_* environment variables, \
            then the YAML file, then defaults.
            """
    )

    @Option(name: .long, help: "YAML configuration file.")
    var config: String?

    @Argument(parsing: .allUnrecognized, help: "Configuration overrides, e.g. --http-port 0.")
    var overrides: [String] = []

    func run() async throws {
        // Installed first: a SIGTERM during start-up already counts.
        let signals = ShutdownSignals()
        let configuration: DaemonConfiguration
        do {
            configuration = try await ConfigurationLoader(filePath: config, arguments: overrides).load()
        } catch {
            FileHandle.standardError.write(Data("<3>enrichd: \(error)\n".utf8))
            throw ExitCode(78)  // EX_CONFIG: systemd will not restart-loop on a broken config
        }
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        let format = JournalLogHandler.Format(rawValue: configuration.logFormat) ?? .text
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, level: level, format: format) }
        let logger = Logger(label: "enrichd")
        do {
            try await Daemon(configuration: configuration, logger: logger).run(signals: signals)
        } catch let error as SpoolError where error.code == .openFailed {
            logger.critical("daemon.failed", metadata: ["error": "\(error)"])
            throw ExitCode(78)  // EX_CONFIG: an unusable spool.path is not retried
        } catch {
            logger.critical("daemon.failed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

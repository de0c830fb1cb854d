import ArgumentParser
import Daemon
import Foundation

/// `enrichd check-config FILE`: validates a configuration and prints the effective values.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration file (with ENRICHD_* overrides) and print the effective configuration."
    )

    @Argument(help: "YAML configuration file.")
    var file: String?

    @Argument(parsing: .allUnrecognized, help: "Overrides, as for `run`.")
    var overrides: [String] = []

    func run() async throws {
        do {
            let configuration = try await ConfigurationLoader(filePath: file, arguments: overrides).load()
            var out = "# effective enrichd configuration (defaults < file < ENRICHD_* < flags)\n"
            var section = ""
            for (key, value) in configuration.effectiveValues {
                let parts = key.split(separator: ".", maxSplits: 1)
                if parts[0] != section {
                    section = String(parts[0])
                    out += "\(section):\n"
                }
                out += "  \(parts[1]): \(value)\n"
            }
            print(out, terminator: "")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(78)
        }
    }
}

import Foundation
import Glibc

/// An `enrichd` companion command (`proxy`, `broker`) as a child process, its log in a temporary file.
final class CompanionProcess {
    let process = Process()
    let logPath = FileManager.default.temporaryDirectory.appendingPathComponent(
        "enrichd-companion-\(UUID().uuidString).log"
    ).path

    init(_ subcommand: String, arguments: [String]) throws {
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = [subcommand] + arguments
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The first endpoint of a `key=["…"]` field in the log line containing `event`, e.g. the bound backend.
    func boundEndpoint(_ event: String, key: String = "zmq.backend_bound") -> String? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains(event) }),
            let range = line.range(of: "\(key)=[\"")
        else { return nil }
        return String(line[range.upperBound...].prefix { $0 != "\"" })
    }

    func waitForExit(timeout: Duration = .seconds(20)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            usleep(20_000)
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit()
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }
}

import Foundation
import Glibc
import Testing

/// The real `enrichd` binary started as an operator would, with a test NOTIFY_SOCKET.
final class DaemonProcess: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: $ENRICHD_BINARY, else .build/debug/enrichd, else .build/release/enrichd.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["ENRICHD_BINARY"] { return path }
        for candidate in [".build/debug/enrichd", ".build/release/enrichd"] {
            let path = repository.appendingPathComponent(candidate).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repository.appendingPathComponent(".build/debug/enrichd").path
    }

    let process = Process()
    let notify: NotifyListener
    let stderrPath: String
    private(set) var httpPort: Int?

    /// Starts `enrichd run` with `flags` and waits for READY=1 (bounded).
    init(flags: [String], environment: [String: String] = [:], waitForReady: Bool = true) throws {
        notify = try NotifyListener()
        stderrPath =
            FileManager.default.temporaryDirectory.appendingPathComponent("enrichd-e2e-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["run", "--log-level", "info"] + flags
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ENRICHD_") }
        env["NOTIFY_SOCKET"] = notify.path
        env.merge(environment) { $1 }
        process.environment = env
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if waitForReady {
            let ready = notify.waitFor("READY=1", timeout: .seconds(20))
            guard ready else {
                terminate()
                throw E2EError("daemon did not send READY=1; log:\n\(log)")
            }
            httpPort = Self.port(in: log)
        }
    }

    var pid: Int32 { process.processIdentifier }

    var log: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM.
    func sigterm() { kill(process.processIdentifier, SIGTERM) }

    /// Waits (bounded) for exit; returns the status or nil on timeout.
    func waitForExit(timeout: Duration = .seconds(30)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            usleep(20_000)
        }
        return process.terminationStatus
    }

    /// Stops the process if it still runs (SIGKILL after a grace period).
    func terminate() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        if waitForExit(timeout: .seconds(10)) == nil {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(timeout: .seconds(5))
        }
    }

    deinit {
        terminate()
        if ProcessInfo.processInfo.environment["KEEP_DAEMON_LOGS"] == nil {
            try? FileManager.default.removeItem(atPath: stderrPath)
        }
    }

    /// Resident set size in KiB from /proc.
    var residentKiB: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// A `key=value` from the last log line containing `message`.
    func logValue(_ message: String, key: String) -> String? {
        guard let line = log.split(separator: "\n").last(where: { $0.contains(message) }) else { return nil }
        guard let range = line.range(of: " \(key)=") else { return nil }
        return String(line[range.upperBound...].prefix { $0 != " " })
    }

    static func port(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("http.listening") }),
            let range = line.range(of: "http.address=")
        else { return nil }
        let address = line[range.upperBound...].prefix { $0 != " " }
        return address.split(separator: ":").last.flatMap { Int($0) }
    }

    /// GET on the daemon's HTTP endpoint: (status, body).
    func get(_ path: String) throws -> (Int, String) {
        guard let httpPort else { throw E2EError("no HTTP port") }
        return try HTTPProbe.get(port: httpPort, path: path)
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` until it is true or `timeout` passes.
func eventually(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}

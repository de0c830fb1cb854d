import Foundation
import Testing
import ZeroMQ

/// Thrown by ``withTimeout(_:_:)`` when the body did not finish in time.
struct TestTimeout: Error, CustomStringConvertible {
    let timeout: Duration
    var description: String { "timed out after \(timeout)" }
}

/// Runs `body`, failing with ``TestTimeout`` if it does not finish within `timeout` (the body is cancelled).
func withTimeout<T: Sendable>(
    _ timeout: Duration = .seconds(30),
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw TestTimeout(timeout: timeout)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(
    _ timeout: Duration = .seconds(30),
    _ condition: () throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
}

/// Endpoints that are unique per call, for every transport.
enum Transport: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inproc, ipc, tcp

    var testDescription: String { rawValue }

    /// An endpoint to bind: a fresh inproc name, a fresh ipc path in the temp directory, or a tcp wildcard port.
    func bindEndpoint() -> String {
        let unique = UUID().uuidString.prefix(8).lowercased()
        switch self {
        case .inproc: return "inproc://test-\(unique)"
        case .ipc: return "ipc://\(NSTemporaryDirectory())zmq-test-\(unique).sock"
        case .tcp: return "tcp://127.0.0.1:*"
        }
    }
}

/// Creates a test message from text frames.
func message(_ frames: String...) -> ZMQMessage {
    ZMQMessage(frames: frames.map { Array($0.utf8) })
}

/// The text of every frame of `message`.
func texts(_ message: ZMQMessage?) -> [String] {
    message?.frames.map { String(decoding: $0, as: UTF8.self) } ?? []
}

/// Open file descriptors of this process.
func openFileDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}

/// Threads of this process whose name (`/proc/self/task/*/comm`) is `name`.
func threadCount(named name: String) -> Int {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.filter { task in
        let comm = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
        return comm?.trimmingCharacters(in: .whitespacesAndNewlines) == name
    }.count
}

extension ZMQSocket {
    /// A socket whose blocking calls give up after `timeout`, so tests cannot hang.
    static func bounded(
        _ context: ZMQContext,
        _ type: SocketType,
        timeout: Duration = .seconds(3)
    ) throws -> ZMQSocket {
        let socket = try ZMQSocket(context: context, type: type)
        try socket.set(.receiveTimeout(timeout))
        try socket.set(.sendTimeout(timeout))
        return socket
    }
}

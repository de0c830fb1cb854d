import Daemon
import Foundation
import Synchronization
import ZeroMQ

/// Sockets, threads and a child daemon process for `enrichd bench`.
enum BenchHarness {
    struct DaemonResult {
        var throughput: Double
        var cpuSeconds: Double
        var messages: Int
        var p50: Double
        var p99: Double
        var peakRSSKiB: Int

        func line(name: String, raw: Double) -> String {
            let perCore = Double(messages) / max(cpuSeconds, 1e-9)
            return String(
                format:
                    "%-27@ %9.0f msg/s  %5.1f%% of raw  %8.0f msg/s per CPU-second  p50 %.2f ms  p99 %.2f ms (half load)  peak RSS %d MiB",
                name as NSString, throughput, 100 * throughput / raw, perCore, p50 * 1000, p99 * 1000, peakRSSKiB / 1024
            )
        }
    }

    /// CURVE keys for a bench run: the bench's sockets are servers (no ZAP handler in the bench's context,
    /// so libzmq admits any client), the daemon's sockets clients with key files in a temporary directory.
    struct CurveSetup {
        let server: CurveKeyPair
        let client: CurveKeyPair
        let directory: String
        let secretFile: String
        let serverFile: String

        init() throws {
            server = try CurveKeyPair.generate()
            client = try CurveKeyPair.generate()
            directory = NSTemporaryDirectory() + "enrichd-bench-keys-\(getpid())"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            secretFile = try CurveKeyFile.write(client, directory: directory, name: "client", overwrite: true).secret
            serverFile = try CurveKeyFile.write(server, directory: directory, name: "server", overwrite: true).public
        }

        /// Options that make a bench socket the CURVE server.
        var serverOptions: [SocketOption] { [.curveServer(true), .curveSecretKey(server.secretKey)] }

        /// Options that make a bench socket a CURVE client of the server.
        var clientOptions: [SocketOption] {
            [.curveServerKey(server.publicKey), .curvePublicKey(client.publicKey), .curveSecretKey(client.secretKey)]
        }

        /// `enrichd run` flags for both daemon sockets as clients.
        var daemonFlags: [String] {
            ["input", "output"].flatMap { socket in
                [
                    "--\(socket)-curve-role", "client", "--\(socket)-curve-secret-key-file", secretFile,
                    "--\(socket)-curve-server-key-file", serverFile,
                ]
            }
        }
    }

    /// PUSH → PULL in this process, two threads, `messages` of `size` bytes; returns msg/s.
    static func rawThroughput(messages: Int, size: Int, curve: CurveSetup? = nil) throws -> Double {
        let context = try ZMQContext()
        let pull = try ZMQSocket(context: context, type: .pull)
        for option in curve?.serverOptions ?? [] { try pull.set(option) }
        try pull.set(.receiveHighWaterMark(10_000))
        try pull.set(.receiveTimeout(.seconds(10)))
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try pull.lastEndpoint
        let done = DispatchSemaphore(value: 0)
        let failure = Locked<String?>(nil)
        let sender = Thread {
            do {
                let push = try ZMQSocket(context: context, type: .push)
                try push.set(.sendHighWaterMark(10_000))
                try push.set(.linger(.seconds(5)))
                for option in curve?.clientOptions ?? [] { try push.set(option) }
                try push.connect(endpoint)
                let payload = ZMQMessage([UInt8](repeating: 0x61, count: size))
                for _ in 0..<messages { try push.send(payload) }
                push.close()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        sender.start()
        var received = 0
        var start = ContinuousClock.now
        while received < messages {
            guard try pull.receive() != nil else { break }
            if received == 0 { start = .now }
            received += 1
        }
        let elapsed = ContinuousClock.now - start
        done.wait()
        pull.close()
        if let message = failure.withLock({ $0 }) { throw BenchError(message) }
        guard received == messages else { throw BenchError("raw: received \(received) of \(messages)") }
        return Double(received - 1) / seconds(elapsed)
    }

    /// Runs a child daemon between a bench PUSH and PULL: a throughput phase, then half load for latency.
    static func daemon(
        enrichment: Bool, messages: Int, latencySeconds: Double, curve: CurveSetup? = nil, extraFlags: [String] = [],
        payload: @escaping @Sendable (Int) -> [UInt8]
    ) throws -> DaemonResult {
        let context = try ZMQContext()
        let push = try ZMQSocket(context: context, type: .push)
        try push.set(.sendHighWaterMark(10_000))
        try push.set(.linger(.zero))
        for option in curve?.serverOptions ?? [] { try push.set(option) }
        try push.bind("tcp://127.0.0.1:*")
        let pull = try ZMQSocket(context: context, type: .pull)
        for option in curve?.serverOptions ?? [] { try pull.set(option) }
        try pull.set(.receiveHighWaterMark(10_000))
        try pull.set(.receiveTimeout(.seconds(20)))
        try pull.bind("tcp://127.0.0.1:*")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = Bundle.main.executableURL
        }
        process.arguments =
            [
                "run", "--input-mode", "connect", "--input-endpoints", try push.lastEndpoint,
                "--output-mode", "connect", "--output-endpoints", try pull.lastEndpoint,
                "--pipeline-enrichment", enrichment ? "true" : "false", "--http-enabled", "false",
                "--log-level", "warning", "--worker-name", "bench",
            ] + (curve?.daemonFlags ?? []) + extraFlags
        try process.run()
        defer {
            if process.isRunning { process.interrupt() }
            process.waitUntilExit()
        }
        // Warm-up: one message round trip proves the daemon is connected both ways.
        try push.send(ZMQMessage(payload(-1)))
        guard try pull.receive() != nil else { throw BenchError("daemon did not answer the warm-up message") }

        let payloads = (0..<min(messages, 1000)).map(payload)
        let sent = Locked<[ContinuousClock.Instant]>([])
        let start = ContinuousClock.now
        let cpuBefore = cpuSeconds(pid: process.processIdentifier)
        let done = DispatchSemaphore(value: 0)
        let pushBox = SendableSocketBox(push)
        let sender = Thread {
            for index in 0..<messages {
                _ = try? pushBox.socket.send(ZMQMessage(payloads[index % payloads.count]))
            }
            done.signal()
        }
        sender.start()
        var received = 0
        while received < messages, try pull.receive() != nil { received += 1 }
        let elapsed = ContinuousClock.now - start
        let cpu = cpuSeconds(pid: process.processIdentifier) - cpuBefore
        done.wait()
        guard received == messages else { throw BenchError("daemon: received \(received) of \(messages)") }
        let throughput = Double(received) / seconds(elapsed)

        // Half load: pace sends at throughput / 2, match outputs by sequence id.
        let rate = throughput / 2
        let count = max(100, Int(rate * latencySeconds))
        sent.withLock { $0 = [ContinuousClock.Instant](repeating: .now, count: count) }
        let paced = Thread {
            let begin = ContinuousClock.now
            for index in 0..<count {
                let due = begin + .seconds(Double(index) / rate)
                while ContinuousClock.now < due { usleep(50) }
                sent.withLock { $0[index] = .now }
                _ = try? pushBox.socket.send(ZMQMessage(payload(index)))
            }
            done.signal()
        }
        paced.start()
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        while latencies.count < count, let message = try pull.receive() {
            let now = ContinuousClock.now
            guard let seq = sequence(in: message.frames.last ?? []), seq >= 0, seq < count else { continue }
            latencies.append(seconds(now - sent.withLock { $0[seq] }))
        }
        done.wait()
        latencies.sort()
        let rss = peakRSSKiB(pid: process.processIdentifier)
        return DaemonResult(
            throughput: throughput, cpuSeconds: cpu, messages: messages,
            p50: latencies.isEmpty ? .nan : latencies[latencies.count / 2],
            p99: latencies.isEmpty ? .nan : latencies[min(latencies.count - 1, latencies.count * 99 / 100)],
            peakRSSKiB: rss)
    }

    /// The `b<seq>` id near the start of an output record.
    static func sequence(in json: [UInt8]) -> Int? {
        let marker = Array("\"id\":\"b".utf8)
        let limit = min(json.count, 200)
        guard limit > marker.count else { return nil }
        for start in 0...(limit - marker.count) where json[start..<(start + marker.count)].elementsEqual(marker) {
            var value = 0
            var index = start + marker.count
            var negative = false
            if index < json.count, json[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            while index < json.count, json[index] >= 48, json[index] <= 57 {
                value = value * 10 + Int(json[index] - 48)
                index += 1
            }
            return negative ? -value : value
        }
        return nil
    }

    static func jsonEscaped(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [92, 34]
            case UInt8(ascii: "\\"): out += [92, 92]
            case UInt8(ascii: "\n"): out += [92, UInt8(ascii: "n")]
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func peakRSSKiB(pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A value shared between bench threads.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout sending Value) -> sending R) -> R { mutex.withLock(body) }
}

/// Lets the bench's sender threads use a socket created on the main thread, one thread at a time.
final class SendableSocketBox: @unchecked Sendable {
    let socket: ZMQSocket
    init(_ socket: consuming ZMQSocket) { self.socket = socket }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

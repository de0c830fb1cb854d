import ArgumentParser
import Foundation
import ZeroMQ

/// `enrichd send`: publishes files or JSONL lines to an endpoint, rate-limited.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send articles (JSONL lines, or one file per message) to a ZeroMQ endpoint.",
        discussion: "Exits once every message was handed to libzmq and flushed (bounded by --linger-ms)."
    )

    @Option(help: "Endpoint to connect to (or bind with --bind).")
    var endpoint: String = "tcp://127.0.0.1:5557"

    @Option(help: "Socket type: push or pub.")
    var socket: SocketKind = .push

    @Flag(help: "Bind instead of connect.")
    var bind = false

    @Option(help: "PUB topic frame sent before each payload.")
    var topic: String = "articles"

    @Option(help: "Messages per second; 0 = as fast as the socket accepts.")
    var rate: Double = 0

    @Option(help: "Send the inputs this many times.")
    var repeats: Int = 1

    @Option(help: "Stop after this many messages (0 = all).")
    var count: Int = 0

    @Option(help: "Milliseconds to wait after the last message for delivery.")
    var lingerMs: Int = 5000

    @Option(help: "Milliseconds to wait before the first message (lets PUB subscribers connect).")
    var delayMs: Int = 0

    @Argument(help: ".jsonl/.ndjson files are sent line by line; any other file as one message. Default: stdin lines.")
    var files: [String] = []

    @OptionGroup var curve: CurveClientOptions

    enum SocketKind: String, ExpressibleByArgument { case push, pub }

    func run() async throws {
        var payloads: [[UInt8]] = []
        if files.isEmpty {
            payloads = Self.lines(of: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            payloads +=
                (file.hasSuffix(".jsonl") || file.hasSuffix(".ndjson"))
                ? Self.lines(of: [UInt8](data)) : [[UInt8](data)]
        }
        let context = try ZMQContext()
        let io = IOThread(context: context, name: "enrichd-send")
        try io.start()
        let spec = SocketSpec(
            name: "send", type: socket == .push ? .push : .pub, bind: bind ? [endpoint] : [],
            connect: bind ? [] : [endpoint],
            options: [.linger(.milliseconds(lingerMs)), .sendHighWaterMark(10_000)] + (try curve.socketOptions()),
            monitored: false)
        let output: OutboundChannel
        do {
            output = try await io.openOutbound(spec, capacity: 64)
        } catch {
            await io.shutdown(linger: .zero)
            throw error
        }
        if delayMs > 0 { try await Task.sleep(for: .milliseconds(delayMs)) }
        let clock = ContinuousClock()
        let start = clock.now
        var sent = 0
        let limit = count > 0 ? count : payloads.count * repeats
        sending: for _ in 0..<max(repeats, 1) {
            for payload in payloads {
                if sent >= limit { break sending }
                if rate > 0 {
                    try await clock.sleep(until: start + .seconds(Double(sent) / rate))
                }
                let frames = socket == .pub ? [Array(topic.utf8), payload] : [payload]
                try await output.send(ZMQMessage(frames: frames))
                sent += 1
            }
        }
        await io.shutdown(linger: .milliseconds(lingerMs))
        let seconds =
            Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
        FileHandle.standardError.write(Data("sent \(sent) messages in \(String(format: "%.3f", seconds)) s\n".utf8))
    }

    static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { Array($0) }
    }
}

import ArgumentParser
import Foundation
import ZeroMQ

/// `enrichd tail`: receives from an endpoint and prints each message's payload on one line.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Receive from a ZeroMQ endpoint and print one payload per line."
    )

    @Option(help: "Endpoint to connect to (or bind with --bind).")
    var endpoint: String = "tcp://127.0.0.1:5558"

    @Option(help: "Socket type: pull or sub.")
    var socket: SocketKind = .pull

    @Flag(help: "Bind instead of connect.")
    var bind = false

    @Option(help: "SUB topic prefix (repeatable; default: everything).")
    var topic: [String] = []

    @Option(help: "Exit after this many messages (0 = never).")
    var count: Int = 0

    @Option(help: "Exit after this many seconds without a message (0 = never).")
    var idleTimeout: Double = 0

    @Flag(help: "Print every frame, tab-separated, instead of the last frame only.")
    var frames = false

    @OptionGroup var curve: CurveClientOptions

    enum SocketKind: String, ExpressibleByArgument { case pull, sub }

    func run() async throws {
        let context = try ZMQContext()
        let io = IOThread(context: context, name: "enrichd-tail")
        try io.start()
        var options: [SocketOption] = [.linger(.zero)] + (try curve.socketOptions())
        if socket == .sub {
            for prefix in topic.isEmpty ? [""] : topic { options.append(.subscribe(Array(prefix.utf8))) }
        }
        let spec = SocketSpec(
            name: "tail", type: socket == .pull ? .pull : .sub, bind: bind ? [endpoint] : [],
            connect: bind ? [] : [endpoint], options: options, monitored: false)
        let input: InboundChannel
        do {
            input = try await io.openInbound(spec, capacity: 256)
        } catch {
            await io.shutdown(linger: .zero)
            throw error
        }
        let received = await withTaskGroup(of: Int?.self) { group in
            group.addTask {
                var received = 0
                var out: [UInt8] = []
                for await message in input {
                    let shown = frames ? message.frames : [message.frames.last ?? []]
                    for (index, frame) in shown.enumerated() {
                        if index > 0 { out.append(UInt8(ascii: "\t")) }
                        out += frame
                    }
                    out.append(UInt8(ascii: "\n"))
                    received += 1
                    if input.bufferedCount == 0 || out.count > 1 << 16 {
                        FileHandle.standardOutput.write(Data(out))
                        out.removeAll(keepingCapacity: true)
                    }
                    if count > 0 && received >= count { break }
                }
                FileHandle.standardOutput.write(Data(out))
                return received
            }
            if idleTimeout > 0 {
                group.addTask {
                    var last = input.receivedCount
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(idleTimeout))
                        let now = input.receivedCount
                        if now == last { return nil }
                        last = now
                    }
                    return nil
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            await input.close()
            return first
        }
        await io.shutdown(linger: .zero)
        FileHandle.standardError.write(Data("received \(received ?? Int(input.receivedCount)) messages\n".utf8))
    }
}

import Foundation
import ZeroMQ

/// Test-side sockets on their own I/O thread: feeds bound where the daemon connects.
final class Harness: Sendable {
    let context: ZMQContext
    let io: IOThread

    init() throws {
        context = try ZMQContext()
        io = IOThread(context: context, name: "e2e-io")
        try io.start()
    }

    /// A bound outbound socket (PUSH or PUB) and its resolved endpoint.
    func bindOutbound(_ type: SocketType, hwm: Int32 = 1000) async throws -> (OutboundChannel, String) {
        let spec = SocketSpec(
            name: "feed-\(type)", type: type, bind: ["tcp://127.0.0.1:*"], connect: [],
            options: [.sendHighWaterMark(hwm), .linger(.seconds(2))], monitored: false)
        let channel = try await io.openOutbound(spec, capacity: 256)
        return (channel, channel.boundEndpoints[0])
    }

    /// A bound inbound socket (PULL or SUB) and its resolved endpoint.
    func bindInbound(
        _ type: SocketType, hwm: Int32 = 1000, capacity: Int = 256
    ) async throws -> (InboundChannel, String) {
        var options: [SocketOption] = [.receiveHighWaterMark(hwm), .linger(.zero)]
        if type == .sub { options.append(.subscribe([])) }
        let spec = SocketSpec(
            name: "sink-\(type)", type: type, bind: ["tcp://127.0.0.1:*"], connect: [], options: options,
            monitored: false)
        let channel = try await io.openInbound(spec, capacity: capacity)
        return (channel, channel.boundEndpoints[0])
    }

    func shutdown() async {
        await io.shutdown(linger: .milliseconds(500))
    }
}

/// Collects up to `count` messages from `channel`, giving up after `timeout`.
func collect(_ channel: InboundChannel, count: Int, timeout: Duration) async -> [ZMQMessage] {
    await withTaskGroup(of: [ZMQMessage]?.self) { group in
        group.addTask {
            var messages: [ZMQMessage] = []
            for await message in channel {
                messages.append(ZMQMessage(frames: message.frames))
                if messages.count >= count { break }
            }
            return messages
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        var result: [ZMQMessage] = []
        while let next = await group.next() {
            if let next {
                result = next
                group.cancelAll()
                break
            }
            group.cancelAll()
        }
        return result
    }
}

/// A body envelope with a numbered id.
func envelope(_ index: Int, prefix: String = "a", source: String = "test-wire", padding: Int = 0) -> [UInt8] {
    let extra = String(repeating: " The council also discussed the pier.", count: padding / 37)
    return Array(
        """
        {"id":"\(prefix)\(index)","source":"\(source)","title":"Test article \(index)","body":"The harbor council met on Tuesday for the \(index)th time. It approved the budget.\\n\\nResidents were not surprised.\(extra)"}
        """.utf8)
}

/// The string value of a top-level JSON field, via JSONSerialization (tests only).
func field(_ json: [UInt8], _ key: String) -> Any? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return nil }
    return object[key]
}

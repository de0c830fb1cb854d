import Testing
import ZeroMQ

@Suite("Socket monitor")
struct SocketMonitorTests {
    /// Receives monitor events from `pair` until `wanted` were all seen or the deadline passes.
    func collect(_ pair: borrowing ZMQSocket, until wanted: Set<SocketEvent.Kind>) throws -> Set<SocketEvent.Kind> {
        var seen: Set<SocketEvent.Kind> = []
        let deadline = ContinuousClock.now + .seconds(5)
        while !wanted.isSubset(of: seen) && ContinuousClock.now < deadline {
            if let raw = try pair.receive(), let event = SocketEvent(monitorMessage: raw) {
                seen.insert(event.kind)
                #expect(!event.endpoint.isEmpty)
            }
        }
        return seen
    }

    @Test("listening, accepted, connected and disconnected are reported over tcp")
    func tcpLifecycle() throws {
        let context = try ZMQContext()
        let server = try ZMQSocket.bounded(context, .pull)
        try server.monitor(endpoint: "inproc://monitor-server")
        let serverEvents = try ZMQSocket.bounded(context, .pair, timeout: .milliseconds(100))
        try serverEvents.connect("inproc://monitor-server")
        try server.bind("tcp://127.0.0.1:*")

        var client = Optional(try ZMQSocket.bounded(context, .push))
        try client!.monitor(endpoint: "inproc://monitor-client", events: [.init(.connected)])
        let clientEvents = try ZMQSocket.bounded(context, .pair, timeout: .milliseconds(100))
        try clientEvents.connect("inproc://monitor-client")
        try client!.connect(server.lastEndpoint)

        #expect(try collect(clientEvents, until: [.connected]).contains(.connected))
        let serverSide = try collect(serverEvents, until: [.listening, .accepted, .handshakeSucceeded])
        #expect(serverSide.isSuperset(of: [.listening, .accepted]))

        client = nil  // closes the client connection
        #expect(try collect(serverEvents, until: [.disconnected]).contains(.disconnected))
    }

    @Test("malformed monitor messages are rejected")
    func decoding() {
        #expect(SocketEvent(monitorMessage: ZMQMessage([1, 2, 3])) == nil)
        var header: [UInt8] = [0, 0, 0, 0, 0, 0]
        withUnsafeBytes(of: UInt16(0x0020)) { header.replaceSubrange(0..<2, with: $0) }
        withUnsafeBytes(of: UInt32(7)) { header.replaceSubrange(2..<6, with: $0) }
        let event = SocketEvent(monitorMessage: ZMQMessage(frames: [header, Array("tcp://x:1".utf8)]), socket: "in")
        #expect(event == SocketEvent(socket: "in", kind: .accepted, value: 7, endpoint: "tcp://x:1"))
    }
}

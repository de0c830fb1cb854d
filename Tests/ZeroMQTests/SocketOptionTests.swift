import Testing
import ZeroMQ

@Suite("Socket options")
struct SocketOptionTests {
    let context: ZMQContext

    init() throws {
        context = try ZMQContext()
    }

    @Test("new sockets have a bounded linger")
    func defaultLinger() throws {
        let socket = try ZMQSocket(context: context, type: .push)
        #expect(try socket.get(.linger) == ZMQSocket.defaultLinger)
        let negative = try ZMQSocket(context: context, type: .push, linger: .seconds(-5))
        #expect(try negative.get(.linger) == .zero)
    }

    @Test("Int32 options round-trip", arguments: [
        (SocketOption.sendHighWaterMark(17), SocketOptionKey<Int32>.sendHighWaterMark, Int32(17)),
        (.receiveHighWaterMark(23), .receiveHighWaterMark, 23),
        (.tcpKeepalive(true), .tcpKeepalive, 1),
    ])
    func int32Options(option: SocketOption, key: SocketOptionKey<Int32>, expected: Int32) throws {
        let socket = try ZMQSocket(context: context, type: .dealer)
        try socket.set(option)
        #expect(try socket.get(key) == expected)
    }

    @Test("Duration options round-trip", arguments: [
        (SocketOption.linger(.milliseconds(250)), SocketOptionKey<Duration>.linger, Duration.milliseconds(250)),
        (.reconnectInterval(.milliseconds(150)), .reconnectInterval, .milliseconds(150)),
        (.reconnectIntervalMax(.seconds(5)), .reconnectIntervalMax, .seconds(5)),
        (.heartbeatInterval(.seconds(2)), .heartbeatInterval, .seconds(2)),
        (.heartbeatTimeout(.seconds(6)), .heartbeatTimeout, .seconds(6)),
        (.sendTimeout(.milliseconds(40)), .sendTimeout, .milliseconds(40)),
        (.receiveTimeout(.milliseconds(1500)), .receiveTimeout, .milliseconds(1500)),
    ])
    func durationOptions(option: SocketOption, key: SocketOptionKey<Duration>, expected: Duration) throws {
        let socket = try ZMQSocket(context: context, type: .dealer)
        try socket.set(option)
        #expect(try socket.get(key) == expected)
    }

    @Test("Bool, Int64, bytes and type options round-trip")
    func otherOptions() throws {
        let socket = try ZMQSocket(context: context, type: .dealer)
        try socket.set(.immediate(true))
        #expect(try socket.get(.immediate))
        try socket.set(.immediate(false))
        #expect(try socket.get(.immediate) == false)
        try socket.set(.maxMessageSize(1 << 22))
        #expect(try socket.get(.maxMessageSize) == 1 << 22)
        try socket.set(.maxMessageSize(-1))
        #expect(try socket.get(.maxMessageSize) == -1)
        try socket.set(.routingID(Array("worker-1".utf8)))
        #expect(try socket.get(.routingID) == Array("worker-1".utf8))
        #expect(try socket.get(.type) == .dealer)
    }

    @Test("write-only options are accepted", arguments: [
        (SocketType.sub, SocketOption.subscribe(Array("topic".utf8))),
        (.sub, .unsubscribe(Array("topic".utf8))),
        (.xpub, .xpubNoDrop(true)),
        (.push, .heartbeatTTL(.seconds(10))),
        (.push, .tcpKeepaliveIdle(seconds: 30)),
        (.push, .tcpKeepaliveInterval(seconds: 5)),
        (.push, .tcpKeepaliveCount(3)),
    ])
    func writeOnly(type: SocketType, option: SocketOption) throws {
        let socket = try ZMQSocket(context: context, type: type)
        try socket.set(option)
    }

    @Test("every socket type can be created and reports its type", arguments: SocketType.allCases)
    func socketTypes(type: SocketType) throws {
        let socket = try ZMQSocket(context: context, type: type)
        #expect(try socket.get(.type) == type)
    }

    @Test("lastEndpoint resolves a wildcard tcp port")
    func lastEndpoint() throws {
        let socket = try ZMQSocket(context: context, type: .pull)
        try socket.bind("tcp://127.0.0.1:*")
        let endpoint = try socket.lastEndpoint
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        #expect(Int(endpoint.split(separator: ":").last ?? "") ?? 0 > 0)
        #expect(try socket.get(.lastEndpoint) == endpoint)
        try socket.unbind(endpoint)
    }

    @Test("descriptions name the libzmq option")
    func descriptions() {
        #expect(SocketOption.sendHighWaterMark(5).description == "ZMQ_SNDHWM=5")
        #expect(SocketOption.linger(.seconds(2)).description == "ZMQ_LINGER=2000")
        #expect(SocketOption.subscribe(Array("ab".utf8)).description.hasPrefix("ZMQ_SUBSCRIBE=\"ab\""))
    }

    @Test("library facts")
    func library() {
        #expect(ZMQContext.version.major == 4)
        #expect(ZMQContext.has("ipc"))
        #expect(!ZMQContext.has("no-such-capability"))
    }
}

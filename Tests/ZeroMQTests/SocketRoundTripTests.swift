import Testing
import ZeroMQ

@Suite("ZMQSocket round trips")
struct SocketRoundTripTests {
    let context: ZMQContext

    init() throws {
        context = try ZMQContext()
    }

    @Test("PUSH → PULL", arguments: Transport.allCases)
    func pushPull(transport: Transport) throws {
        let pull = try ZMQSocket.bounded(context, .pull)
        try pull.bind(transport.bindEndpoint())
        let push = try ZMQSocket.bounded(context, .push)
        try push.connect(pull.lastEndpoint)
        #expect(try push.send(message("hello")))
        #expect(texts(try pull.receive()) == ["hello"])
    }

    @Test("PUB → SUB delivers only subscribed prefixes", arguments: Transport.allCases)
    func pubSub(transport: Transport) throws {
        let pub = try ZMQSocket.bounded(context, .pub)
        try pub.bind(transport.bindEndpoint())
        let sub = try ZMQSocket.bounded(context, .sub, timeout: .milliseconds(20))
        try sub.set(.subscribe(Array("news.".utf8)))
        try sub.connect(pub.lastEndpoint)
        // Subscriptions travel asynchronously ("slow joiner"): publish until the subscriber sees something.
        var received: [[String]] = []
        let deadline = ContinuousClock.now + .seconds(5)
        while received.isEmpty && ContinuousClock.now < deadline {
            try pub.send(message("sports.result"))
            try pub.send(message("news.headline", "body"))
            while let next = try sub.receive() { received.append(texts(next)) }
        }
        #expect(!received.isEmpty)
        #expect(received.allSatisfy { $0 == ["news.headline", "body"] })
    }

    @Test("PAIR ↔ PAIR", arguments: Transport.allCases)
    func pair(transport: Transport) throws {
        let a = try ZMQSocket.bounded(context, .pair)
        try a.bind(transport.bindEndpoint())
        let b = try ZMQSocket.bounded(context, .pair)
        try b.connect(a.lastEndpoint)
        try b.send(message("ping"))
        #expect(texts(try a.receive()) == ["ping"])
        try a.send(message("pong"))
        #expect(texts(try b.receive()) == ["pong"])
    }

    @Test("REQ ↔ REP", arguments: Transport.allCases)
    func requestReply(transport: Transport) throws {
        let rep = try ZMQSocket.bounded(context, .rep)
        try rep.bind(transport.bindEndpoint())
        let req = try ZMQSocket.bounded(context, .req)
        try req.connect(rep.lastEndpoint)
        try req.send(message("question"))
        #expect(texts(try rep.receive()) == ["question"])
        try rep.send(message("answer"))
        #expect(texts(try req.receive()) == ["answer"])
    }

    @Test("multipart messages keep frames, including empty ones", arguments: [
        [["a"], ["b"], ["c"]],
        [[], ["middle"], []],
        [[], [], [], []],
        [["routing"], [], ["payload"], ["trailer"]],
    ] as [[[String]]])
    func multipart(frames: [[String]]) throws {
        let endpoint = Transport.inproc.bindEndpoint()
        let pull = try ZMQSocket.bounded(context, .pull)
        try pull.bind(endpoint)
        let push = try ZMQSocket.bounded(context, .push)
        try push.connect(endpoint)
        let sent = ZMQMessage(frames: frames.map { $0.first.map { Array($0.utf8) } ?? [] })
        try push.send(sent)
        let received = try pull.receive()
        #expect(received == sent)
        #expect(received?.frames.count == frames.count)
    }

    @Test("a 1 MB message arrives intact over tcp")
    func largeMessage() throws {
        let pull = try ZMQSocket.bounded(context, .pull)
        try pull.bind("tcp://127.0.0.1:*")
        let push = try ZMQSocket.bounded(context, .push)
        try push.connect(pull.lastEndpoint)
        let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try push.send(ZMQMessage(frames: [Array("header".utf8), payload]))
        let received = try #require(try pull.receive())
        #expect(received.frames.count == 2)
        #expect(received.frames[1].count == 1 << 20)
        #expect(received.frames[1] == payload)
        #expect(received.byteCount == 6 + (1 << 20))
    }

    @Test("non-blocking receive on an empty socket returns nil; poll times out empty")
    func wouldBlock() throws {
        let pull = try ZMQSocket.bounded(context, .pull)
        try pull.bind(Transport.inproc.bindEndpoint())
        #expect(try pull.receive(nonBlocking: true) == nil)
        #expect(try pull.poll(events: .readable, timeout: .milliseconds(10)) == [])
        let push = try ZMQSocket.bounded(context, .push)
        try push.bind(Transport.inproc.bindEndpoint())
        // A bound PUSH without peers cannot queue anything.
        #expect(try push.send(message("x"), nonBlocking: true) == false)
    }
}

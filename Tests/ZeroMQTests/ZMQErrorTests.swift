import Testing
import ZeroMQ

@Suite("Error mapping")
struct ZMQErrorTests {
    let context: ZMQContext

    init() throws {
        context = try ZMQContext()
    }

    @Test("binding an invalid endpoint is invalidEndpoint", arguments: [
        "bogus://somewhere",
        "tcp://127.0.0.1",
        "tcp://no-such-interface-xyz:5555",
        "inproc://",
    ])
    func invalidEndpoint(endpoint: String) throws {
        let socket = try ZMQSocket(context: context, type: .pull)
        let error = try #require(throws: ZMQError.self) { try socket.bind(endpoint) }
        #expect(error.code == .invalidEndpoint, "\(error)")
        #expect(error.operation == "zmq_bind")
        #expect(error.description.contains(endpoint))
    }

    @Test("binding a tcp port twice is addressInUse")
    func addressInUse() throws {
        let first = try ZMQSocket(context: context, type: .pull)
        try first.bind("tcp://127.0.0.1:*")
        let endpoint = try first.lastEndpoint
        let second = try ZMQSocket(context: context, type: .pull)
        let error = try #require(throws: ZMQError.self) { try second.bind(endpoint) }
        #expect(error.code == .addressInUse)
        #expect(error.errno != 0)
        #expect(error.description.contains(endpoint))
        #expect(error.description.contains("zmq_bind"))
    }

    @Test("an invalid option value is invalidOption")
    func invalidOption() throws {
        let socket = try ZMQSocket(context: context, type: .dealer)
        let error = try #require(throws: ZMQError.self) { try socket.set(.routingID([])) }
        #expect(error.code == .invalidOption)
        #expect(error.description.contains("ZMQ_ROUTING_ID"))
    }

    @Test("REQ sending twice is invalidState")
    func invalidState() throws {
        let socket = try ZMQSocket.bounded(context, .req)
        try socket.connect("inproc://nobody-\(UInt64.random(in: 0...UInt64.max))")
        try socket.send(message("first"))
        let error = try #require(throws: ZMQError.self) { try socket.send(message("second")) }
        #expect(error.code == .invalidState)
    }

    @Test("operations after context shutdown are contextTerminated")
    func contextTerminated() throws {
        let context = try ZMQContext()
        let socket = try ZMQSocket(context: context, type: .pull)
        context.shutdown()
        // A socket learns about the shutdown when it next processes its command queue (send, receive,
        // poll); option calls only check the flag that sets.
        let receiving = try #require(throws: ZMQError.self) { try socket.receive(nonBlocking: true) }
        #expect(receiving.code == .contextTerminated)
        let error = try #require(throws: ZMQError.self) { try socket.set(.sendHighWaterMark(10)) }
        #expect(error.code == .contextTerminated)
        let creation = try #require(throws: ZMQError.self) { _ = try ZMQSocket(context: context, type: .pull) }
        #expect(creation.code == .contextTerminated)
    }

    @Test("codes are distinct and printable")
    func codes() {
        let codes: [ZMQError.Code] = [
            .contextTerminated, .invalidEndpoint, .addressInUse, .invalidOption, .invalidState,
            .messageTooLarge, .closed, .setupFailed, .system,
        ]
        #expect(Set(codes).count == codes.count)
        #expect(ZMQError.Code.addressInUse.description == "addressInUse")
    }
}

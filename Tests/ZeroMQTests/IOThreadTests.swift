import Testing
import ZeroMQ

@Suite("IOThread")
struct IOThreadTests {
    let context: ZMQContext
    let io: IOThread

    init() throws {
        context = try ZMQContext()
        io = IOThread(context: context, name: "zmq-io-test")
        try io.start()
    }

    @Test("start twice is an error; shutdown is idempotent")
    func lifecycle() async throws {
        let error = try #require(throws: ZMQError.self) { try io.start() }
        #expect(error.code == .invalidState)
        let before = io.loopIterations
        #expect(await eventually { io.loopIterations > before + 1 })
        await io.shutdown(linger: .zero)
        await io.shutdown(linger: .zero)
        let late = await #expect(throws: ZMQError.self) {
            _ = try await io.openInbound(SocketSpec(name: "late", type: .pull), capacity: 1)
        }
        #expect(late?.code == .closed)
    }

    @Test("open errors name the socket and endpoint")
    func openErrors() async throws {
        let taken = try ZMQSocket(context: context, type: .pull)
        try taken.bind("tcp://127.0.0.1:*")
        let endpoint = try taken.lastEndpoint
        let inUse = await #expect(throws: ZMQError.self) {
            _ = try await io.openInbound(SocketSpec(name: "input", type: .pull, bind: [endpoint]), capacity: 1)
        }
        #expect(inUse?.code == .addressInUse)
        #expect(inUse?.description.contains("input") == true)
        #expect(inUse?.description.contains(endpoint) == true)
        let invalid = await #expect(throws: ZMQError.self) {
            _ = try await io.openOutbound(SocketSpec(name: "output", type: .push, connect: ["nope://x"]), capacity: 1)
        }
        #expect(invalid?.code == .invalidEndpoint)
        #expect(invalid?.description.contains("output") == true)
        await io.shutdown(linger: .zero)
    }

    @Test("a full inbound buffer pauses intake, and consuming resumes it")
    func inboundBackpressure() async throws {
        let endpoint = Transport.inproc.bindEndpoint()
        let spec = SocketSpec(name: "input", type: .pull, bind: [endpoint], options: [.receiveHighWaterMark(8)])
        let inbound = try await io.openInbound(spec, capacity: 4)
        let push = try ZMQSocket.bounded(context, .push)
        try push.set(.sendHighWaterMark(8))
        try push.connect(endpoint)
        var accepted = 0
        while try push.send(message("m\(accepted)"), nonBlocking: true) { accepted += 1 }
        #expect(accepted > 4)
        let total = accepted

        #expect(await eventually { inbound.isPaused })
        #expect(inbound.receivedCount == 4)
        #expect(inbound.bufferedCount == 4)
        let pausedEarly = inbound.pausedDuration
        #expect(await eventually { inbound.pausedDuration > pausedEarly + .milliseconds(20) })
        #expect(inbound.receivedCount == 4)

        let received = try await withTimeout {
            var texts: [String] = []
            for await next in inbound {
                texts.append(String(decoding: next.frames[0], as: UTF8.self))
                if texts.count == total { break }
            }
            return texts
        }
        #expect(received == (0..<accepted).map { "m\($0)" })
        #expect(inbound.receivedCount == UInt64(accepted))
        #expect(!inbound.isPaused)
        #expect(inbound.pausedDuration >= pausedEarly)
        await io.shutdown(linger: .zero)
    }

    @Test("send suspends while PUSH has no peer and completes once one connects")
    func outboundBlocking() async throws {
        let endpoint = Transport.inproc.bindEndpoint()
        let spec = SocketSpec(
            name: "output", type: .push, bind: [endpoint], options: [.sendHighWaterMark(1), .immediate(true)]
        )
        let outbound = try await io.openOutbound(spec, capacity: 2)
        let context = context
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await withTimeout { _ = try await outbound.send(message("waited")) } }
            #expect(await eventually { outbound.isBlocked })
            #expect(outbound.sentCount == 0)
            #expect(outbound.queuedCount == 1)
            let pull = try ZMQSocket.bounded(context, .pull)
            try pull.connect(endpoint)
            #expect(texts(try pull.receive()) == ["waited"])
            try await group.waitForAll()
        }
        #expect(outbound.sentCount == 1)
        #expect(!outbound.isBlocked)
        #expect(outbound.blockedDuration > .zero)
        await io.shutdown(linger: .zero)
    }

    @Test("cancelling a waiting send removes it from the queue")
    func cancelledSend() async throws {
        let spec = SocketSpec(name: "output", type: .push, bind: [Transport.inproc.bindEndpoint()])
        let outbound = try await io.openOutbound(spec, capacity: 1)
        let outcome = await withTaskGroup(of: (String, (any Error)?).self) { group in
            group.addTask {
                do { try await outbound.send(message("head, blocked at the socket")) } catch { return ("head", error) }
                return ("head", nil)
            }
            #expect(await eventually { outbound.isBlocked && outbound.queuedCount == 1 })
            let overflow = await withTaskGroup(of: (any Error)?.self) { overflow in
                overflow.addTask {
                    do { try await outbound.send(message("waiting for room")) } catch { return error }
                    return nil
                }
                try? await Task.sleep(for: .milliseconds(10))
                overflow.cancelAll()
                return await overflow.next() ?? nil
            }
            #expect(overflow is CancellationError)
            #expect(outbound.queuedCount == 1)
            group.cancelAll()
            return await group.next()
        }
        #expect(outcome?.1 is CancellationError)
        #expect(outbound.queuedCount == 0)
        #expect(outbound.sentCount == 0)
        #expect(!outbound.isBlocked)
        await io.shutdown(linger: .zero)
    }

    @Test("shutdown with queued messages and no peer returns within linger and fails them with .closed")
    func shutdownWithQueuedMessages() async throws {
        let spec = SocketSpec(name: "output", type: .push, bind: [Transport.inproc.bindEndpoint()])
        let outbound = try await io.openOutbound(spec, capacity: 4)
        let io = io
        try await withThrowingTaskGroup(of: ZMQError.Code?.self) { group in
            for index in 0..<3 {
                group.addTask {
                    do {
                        try await outbound.send(message("pending \(index)"))
                        return nil
                    } catch let error as ZMQError {
                        return error.code
                    }
                }
            }
            #expect(await eventually { outbound.queuedCount == 3 })
            let linger = Duration.milliseconds(300)
            let started = ContinuousClock.now
            await io.shutdown(linger: linger)
            let elapsed = ContinuousClock.now - started
            #expect(elapsed >= linger)
            // A hang detector (a context term that waits forever on linger), not a latency check: the
            // resume runs on the cooperative pool, which the parallel end-to-end suites can hold for
            // seconds on a 2-core machine (4 s seen; alone it takes about 0.35 s).
            #expect(elapsed < linger + .seconds(8))
            var codes: [ZMQError.Code?] = []
            for try await code in group { codes.append(code) }
            #expect(codes == [.closed, .closed, .closed])
        }
        let late = await #expect(throws: ZMQError.self) { try await outbound.send(message("late")) }
        #expect(late?.code == .closed)
    }

    @Test("close() ends the inbound sequence after the buffered messages")
    func inboundClose() async throws {
        let endpoint = Transport.inproc.bindEndpoint()
        let inbound = try await io.openInbound(SocketSpec(name: "input", type: .pull, bind: [endpoint]), capacity: 8)
        let push = try ZMQSocket.bounded(context, .push)
        try push.connect(endpoint)
        for index in 0..<3 { try push.send(message("b\(index)")) }
        #expect(await eventually { inbound.bufferedCount == 3 })
        await inbound.close()
        await inbound.close()
        let drained = try await withTimeout {
            var texts: [String] = []
            for await next in inbound { texts.append(String(decoding: next.frames[0], as: UTF8.self)) }
            return texts
        }
        #expect(drained == ["b0", "b1", "b2"])
        // The socket is closed: nothing sent later reaches the channel. (The PUSH side may still accept a
        // message until libzmq tells it, asynchronously, that the peer's pipe is gone.)
        _ = try push.send(message("after"), nonBlocking: true)
        var iterator = inbound.makeAsyncIterator()
        #expect(await iterator.next() == nil)
        #expect(inbound.receivedCount == 3)
        await io.shutdown(linger: .zero)
    }

    @Test("iteration ends when the consuming task is cancelled")
    func cancelledIteration() async throws {
        let inbound = try await io.openInbound(
            SocketSpec(name: "input", type: .pull, bind: [Transport.inproc.bindEndpoint()]), capacity: 2
        )
        let count = try await withTimeout {
            await withTaskGroup(of: Int.self) { group in
                group.addTask {
                    var count = 0
                    for await _ in inbound { count += 1 }
                    return count
                }
                try? await Task.sleep(for: .milliseconds(20))
                group.cancelAll()
                return await group.next() ?? -1
            }
        }
        #expect(count == 0)
        await io.shutdown(linger: .zero)
    }

    @Test("10,000 messages pass IOThread out → IOThread in without loss", arguments: [Transport.inproc, .tcp])
    func bulk(transport: Transport) async throws {
        let inbound = try await io.openInbound(
            SocketSpec(name: "input", type: .pull, bind: [transport.bindEndpoint()]),
            capacity: 64
        )
        let endpoint = try #require(inbound.boundEndpoints.first)
        let outbound = try await io.openOutbound(
            SocketSpec(name: "output", type: .push, connect: [endpoint]),
            capacity: 64
        )
        let total = 10_000
        let received = try await withTimeout(.seconds(60)) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    for index in 0..<total {
                        let padding = [UInt8](repeating: 7, count: 100)
                        try await outbound.send(ZMQMessage(frames: [Array("\(index)".utf8), padding]))
                    }
                    return -1
                }
                group.addTask {
                    var expected = 0
                    for await next in inbound {
                        #expect(String(decoding: next.frames[0], as: UTF8.self) == "\(expected)")
                        expected += 1
                        if expected == total { break }
                    }
                    return expected
                }
                var count = 0
                for try await result in group where result >= 0 { count = result }
                return count
            }
        }
        #expect(received == total)
        #expect(outbound.sentCount == UInt64(total))
        #expect(inbound.receivedCount == UInt64(total))
        await io.shutdown(linger: .seconds(1))
    }

    struct MonitorFindings: Sendable {
        var listening: SocketEvent?
        var kinds: Set<SocketEvent.Kind> = []
        var disconnected = false
    }

    @Test("monitored sockets report their events")
    func monitorEvents() async throws {
        let inbound = try await io.openInbound(
            SocketSpec(name: "input", type: .pull, bind: ["tcp://127.0.0.1:*"], monitored: true), capacity: 4
        )
        let (events, context) = (io.events, context)
        let findings = try await withTimeout {
            var findings = MonitorFindings()
            var iterator = events.makeAsyncIterator()
            while let event = await iterator.next() {
                if event.kind == .listening {
                    findings.listening = event
                    break
                }
            }
            var client = Optional(try ZMQSocket.bounded(context, .push))
            try client!.connect(findings.listening?.endpoint ?? "")
            while let event = await iterator.next() {
                findings.kinds.insert(event.kind)
                if findings.kinds.isSuperset(of: [.accepted, .handshakeSucceeded]) { break }
            }
            client = nil  // closes the connection
            while let event = await iterator.next() {
                if event.kind == .disconnected {
                    findings.disconnected = true
                    break
                }
            }
            return findings
        }
        #expect(findings.listening?.socket == "input")
        #expect(findings.listening?.endpoint == inbound.boundEndpoints.first)
        #expect(findings.kinds.contains(.accepted))
        #expect(findings.disconnected)
        await io.shutdown(linger: .zero)
    }
}

import Testing

@testable import ZeroMQ

@Suite("Work queue")
struct WorkQueueTests {
    let context: ZMQContext

    init() throws {
        context = try ZMQContext()
    }

    /// A broker with an inproc PULL frontend and a loopback ROUTER backend, started.
    func startBroker(
        _ configuration: WorkQueueBroker.Configuration = .init()
    ) throws -> (
        broker: WorkQueueBroker, frontend: String, backend: String
    ) {
        let frontend = Transport.inproc.bindEndpoint()
        let broker = WorkQueueBroker(
            context: context, frontend: SocketSpec(name: "frontend", type: .pull, bind: [frontend]),
            backend: SocketSpec(name: "backend", type: .router, bind: ["tcp://127.0.0.1:*"]),
            configuration: configuration, name: "wq-test")
        try broker.start()
        return (broker, frontend, broker.boundEndpoints.backend[0])
    }

    /// Sends `count` messages `m<first>`… into the broker's frontend.
    func feed(_ endpoint: String, _ range: Range<Int>) throws {
        let push = try ZMQSocket.bounded(context, .push)
        try push.connect(endpoint)
        for index in range {
            _ = try push.send(message("m\(index)"))
        }
    }

    /// A worker: an I/O thread with a DEALER input connected to the broker.
    func worker(_ backend: String, capacity: Int) async throws -> (IOThread, InboundChannel) {
        let io = IOThread(context: context, name: "wq-worker", pollTimeout: .milliseconds(20))
        try io.start()
        let input = try await io.openInbound(
            SocketSpec(name: "input", type: .dealer, connect: [backend]), capacity: capacity)
        return (io, input)
    }

    @Test("protocol messages round-trip; malformed ones are refused")
    func commands() {
        let commands: [WorkQueueCommand] = [
            .credit(grant: 7, outstanding: 1 << 20), .ack([1, 1 << 40, .max]), .stop, .bye,
            .job(tag: 42, frames: [[1, 2], []]), .stopped,
        ]
        for command in commands {
            #expect(WorkQueueCommand(frames: command.frames) == command)
        }
        #expect(WorkQueueCommand(frames: [Array("credit".utf8), [1, 2, 3]]) == nil)
        #expect(WorkQueueCommand(frames: [Array("ack".utf8), [1, 2, 3]]) == nil)
        #expect(WorkQueueCommand(frames: [Array("job".utf8), [0, 0, 0, 0, 0, 0, 0, 1]]) == nil)
        #expect(WorkQueueCommand(frames: [Array("stop".utf8), [1]]) == nil)
        #expect(WorkQueueCommand(frames: [Array("hello".utf8)]) == nil)
        #expect(WorkQueueCommand(frames: [[UInt8]]()) == nil)
    }

    @Test("a worker gets no more than its buffer asked for, and every acknowledged job is done")
    func creditBoundsDelivery() async throws {
        let (broker, frontend, backend) = try startBroker()
        let (io, input) = try await worker(backend, capacity: 8)
        try feed(frontend, 0..<100)
        #expect(await eventually { broker.statistics.dispatched == 8 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(broker.statistics.dispatched == 8)
        #expect(broker.statistics.unacknowledged == 8)
        #expect(broker.statistics.queued == 92)
        let received = try await withTimeout {
            var texts: [String] = []
            for await job in input {
                #expect(job.deliveryTag != nil)
                texts.append(String(decoding: job.frames[0], as: UTF8.self))
                input.acknowledge(job)
                if texts.count == 100 { break }
            }
            return texts
        }
        #expect(received == (0..<100).map { "m\($0)" })
        #expect(await eventually { broker.statistics.acknowledged == 100 })
        #expect(broker.statistics.unacknowledged == 0)
        #expect(broker.statistics.requeued == 0)
        await io.shutdown(linger: .seconds(1))
        #expect(await eventually { broker.statistics.workers == 0 && broker.statistics.workersLeft == 1 })
        await broker.stop()
        #expect(broker.statistics.lostAtStop == 0)
    }

    @Test("a stopping worker ends intake once the broker confirmed; what it did not acknowledge goes to the next")
    func stopAndLeave() async throws {
        let (broker, frontend, backend) = try startBroker()
        let (first, firstInput) = try await worker(backend, capacity: 8)
        try feed(frontend, 0..<50)
        #expect(await eventually { broker.statistics.dispatched == 8 })
        await firstInput.close()
        // Intake ends after the broker's `stopped`: the 8 jobs already here are yielded, nothing more.
        let taken = try await withTimeout(.seconds(5)) {
            var jobs: [InboundMessage] = []
            for await job in firstInput { jobs.append(job) }
            return jobs
        }
        #expect(taken.count == 8)
        for job in taken.prefix(3) { firstInput.acknowledge(job) }
        #expect(await eventually { broker.statistics.acknowledged == 3 })
        #expect(broker.statistics.dispatched == 8)
        await first.shutdown(linger: .seconds(1))
        #expect(await eventually { broker.statistics.requeued == 5 })

        let (second, secondInput) = try await worker(backend, capacity: 16)
        let rest = try await withTimeout {
            var texts: [String] = []
            for await job in secondInput {
                texts.append(String(decoding: job.frames[0], as: UTF8.self))
                secondInput.acknowledge(job)
                if texts.count == 47 { break }
            }
            return texts
        }
        let done = taken.prefix(3).map { String(decoding: $0.frames[0], as: UTF8.self) }
        #expect(Set(done + rest) == Set((0..<50).map { "m\($0)" }))
        #expect(Array(rest.prefix(5)) == taken.dropFirst(3).map { String(decoding: $0.frames[0], as: UTF8.self) })
        #expect(await eventually { broker.statistics.acknowledged == 50 })
        await second.shutdown(linger: .seconds(1))
        #expect(await eventually { broker.statistics.workersLeft == 2 })
        await broker.stop()
        #expect(broker.statistics.lostAtStop == 0)
    }

    @Test("a silent worker is dropped after the timeout and its jobs go to another worker")
    func silentWorkerExpires() async throws {
        let (broker, frontend, backend) = try startBroker(.init(workerTimeout: .milliseconds(300)))
        let silent = try ZMQSocket.bounded(context, .dealer)
        try silent.connect(backend)
        _ = try silent.send(ZMQMessage(frames: WorkQueueCommand.credit(grant: 4, outstanding: 0).frames))
        try feed(frontend, 0..<20)
        var held: [String] = []
        for _ in 0..<4 {
            let reply = try #require(try silent.receive())
            let job = try #require(WorkQueueCommand(frames: reply.frames))
            guard case .job(_, let frames) = job else {
                Issue.record("expected a job, got \(job)")
                return
            }
            held.append(String(decoding: frames[0], as: UTF8.self))
        }
        #expect(held == ["m0", "m1", "m2", "m3"])
        #expect(await eventually(.seconds(5)) { broker.statistics.workersExpired == 1 })
        #expect(broker.statistics.requeued == 4)

        let (io, input) = try await worker(backend, capacity: 8)
        let received = try await withTimeout {
            var texts: [String] = []
            for await job in input {
                texts.append(String(decoding: job.frames[0], as: UTF8.self))
                input.acknowledge(job)
                if texts.count == 20 { break }
            }
            return texts
        }
        #expect(received == (0..<20).map { "m\($0)" })
        await io.shutdown(linger: .seconds(1))
        await broker.stop()
    }

    @Test("a full queue stops reading the frontend; what is left at the drain deadline is counted")
    func queueBound() async throws {
        let (broker, frontend, _) = try startBroker(.init(maxQueued: 10, drainTimeout: .milliseconds(100)))
        let push = try ZMQSocket.bounded(context, .push)
        try push.set(.sendHighWaterMark(5))
        try push.connect(frontend)
        var accepted = 0
        while accepted < 1000, try push.send(message("m\(accepted)"), nonBlocking: true) { accepted += 1 }
        #expect(await eventually { broker.statistics.queued == 10 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(broker.statistics.received == 10)
        #expect(accepted > 10)
        await broker.stop()
        // No worker came: the queue, and what libzmq had already read, is reported as lost at stop.
        #expect(broker.statistics.lostAtStop == broker.statistics.received)
        #expect(broker.statistics.lostAtStop >= 10)
    }
}

import Testing
import ZeroMQ

/// Leak checks. Other suites run in parallel in the same process, so descriptor counts are compared with a
/// small tolerance: a real leak grows with the number of sockets (hundreds), noise does not.
@Suite("Resource leaks", .serialized)
struct ResourceLeakTests {
    static let tolerance = 8

    @Test("the I/O thread has exited once shutdown returns")
    func threadExits() async throws {
        let name = "zmq-leak-\(Int.random(in: 1000...9999))"
        let context = try ZMQContext()
        let io = IOThread(context: context, name: name)
        #expect(threadCount(named: name) == 0)
        try io.start()
        #expect(await eventually { threadCount(named: name) == 1 })
        let inbound = try await io.openInbound(
            SocketSpec(name: "input", type: .pull, bind: ["tcp://127.0.0.1:*"], monitored: true), capacity: 4
        )
        _ = try await io.openOutbound(
            SocketSpec(name: "output", type: .push, connect: inbound.boundEndpoints),
            capacity: 4
        )
        await io.shutdown(linger: .milliseconds(100))
        // shutdown joined the thread; the kernel removes its /proc/self/task entry a moment after the join.
        #expect(await eventually(.seconds(10)) { threadCount(named: name) == 0 })
    }

    @Test("opening and closing 200 sockets leaves the descriptor count unchanged")
    func descriptors() async throws {
        let context = try ZMQContext()
        let io = IOThread(context: context, name: "zmq-io-fds")
        try io.start()
        // Warm up: libzmq creates its background threads' descriptors with the first socket.
        do {
            let socket = try ZMQSocket(context: context, type: .pull)
            try socket.bind("tcp://127.0.0.1:*")
            try await io.openInbound(SocketSpec(name: "warm-up", type: .pull, monitored: true), capacity: 1).close()
        }
        try await Task.sleep(for: .milliseconds(50))
        let before = openFileDescriptorCount()

        for _ in 0..<100 {
            let socket = try ZMQSocket(context: context, type: .pull)
            try socket.bind("tcp://127.0.0.1:*")
        }
        for index in 0..<100 {
            let spec = SocketSpec(name: "input", type: .pull, bind: ["tcp://127.0.0.1:*"], monitored: index % 2 == 0)
            try await io.openInbound(spec, capacity: 2).close()
        }
        // zmq_close hands sockets to libzmq's reaper thread, which releases their descriptors shortly after.
        #expect(await eventually { openFileDescriptorCount() <= before + Self.tolerance })
        await io.shutdown(linger: .zero)
    }

    @Test("a context with an I/O thread releases every descriptor when dropped")
    func contextReleasesDescriptors() async throws {
        let before = openFileDescriptorCount()
        do {
            let context = try ZMQContext()
            let io = IOThread(context: context, name: "zmq-io-ctx")
            try io.start()
            let inbound = try await io.openInbound(
                SocketSpec(name: "input", type: .pull, bind: ["tcp://127.0.0.1:*"], monitored: true), capacity: 4
            )
            let outbound = try await io.openOutbound(
                SocketSpec(name: "output", type: .push, connect: inbound.boundEndpoints), capacity: 4
            )
            _ = try await withTimeout { try await outbound.send(message("one")) }
            await io.shutdown(linger: .milliseconds(100))
        }
        #expect(await eventually { openFileDescriptorCount() <= before + Self.tolerance })
    }
}

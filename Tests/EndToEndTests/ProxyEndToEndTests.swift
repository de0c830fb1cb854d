import Foundation
import Glibc
import Testing
import ZeroMQ

/// `enrichd proxy` between a PUB source and two workers: each article reaches exactly one worker.
@Suite("Proxy end to end", .serialized, .timeLimit(.minutes(3)))
struct ProxyEndToEndTests {
    @Test func proxySharesOnePubStreamAcrossWorkersExactlyOnce() async throws {
        let harness = try Harness()
        let (source, sourceEndpoint) = try await harness.bindOutbound(.pub, hwm: 100_000)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        let proxy = try CompanionProcess(
            "proxy",
            arguments: [
                "--frontend", sourceEndpoint, "--topic", "news.", "--backend", "tcp://127.0.0.1:*",
            ])
        var backend: String?
        #expect(
            eventually {
                backend = proxy.boundEndpoint("proxy.started"); return backend != nil
            }, "\(proxy.log)")
        let workerEndpoint = try #require(backend)
        let workers = try ["w1", "w2"].map { name in
            try DaemonProcess(
                flags: DaemonEndToEndTests.flags(
                    input: workerEndpoint, output: sinkEndpoint, extra: ["--worker-name", name]))
        }
        // PUB/SUB joins asynchronously, and each worker connects on its own: probe until records from
        // both workers came back, then drain the probes.
        var seen = Set<String>()
        for attempt in 0..<200 where seen.count < 2 {
            _ = try await source.send(
                ZMQMessage(frames: [Array("news.probe".utf8), envelope(attempt, prefix: "probe")]))
            for record in await collect(sink, count: 1, timeout: .milliseconds(100)) {
                if let worker = field(record.frames[0], "worker") as? String { seen.insert(worker) }
            }
        }
        #expect(seen == ["w1", "w2"])
        while !(await collect(sink, count: 1_000, timeout: .milliseconds(500))).isEmpty {}

        let total = 2_000
        for index in 0..<total {
            let topic = index.isMultiple(of: 4) ? "sport.scores" : "news.world"
            _ = try await source.send(ZMQMessage(frames: [Array(topic.utf8), envelope(index, prefix: "x")]))
        }
        let expected = Set((0..<total).filter { !$0.isMultiple(of: 4) }.map { "x\($0)" })
        let outputs = await collect(sink, count: expected.count, timeout: .seconds(60))
        let ids = outputs.compactMap { field($0.frames[0], "id") as? String }
        #expect(ids.count == expected.count)
        #expect(Set(ids) == expected)
        let byWorker = Dictionary(grouping: outputs.compactMap { field($0.frames[0], "worker") as? String }) { $0 }
        #expect(byWorker.count == 2)
        for (worker, records) in byWorker {
            #expect(records.count > expected.count / 5, "\(worker): \(records.count)")
        }
        // Nothing beyond that set: no copies, no filtered topic. (The records exist at all because the
        // workers' PULL inputs take the forwarded [topic][payload] frames.)
        #expect(await collect(sink, count: 1, timeout: .milliseconds(300)).isEmpty)

        kill(proxy.process.processIdentifier, SIGTERM)
        #expect(proxy.waitForExit() == 0, "\(proxy.log)")
        #expect(proxy.log.contains("proxy.stopped"))
        for worker in workers {
            worker.sigterm()
            #expect(worker.waitForExit() == 0)
        }
        await harness.shutdown()
    }
}

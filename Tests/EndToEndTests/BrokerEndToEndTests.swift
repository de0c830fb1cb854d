import Foundation
import Glibc
import Testing
import ZeroMQ

/// `enrichd broker` between an upstream PUSH and DEALER workers: restarts lose nothing, a crash re-sends.
@Suite("Broker end to end", .serialized, .timeLimit(.minutes(3)))
struct BrokerEndToEndTests {
    static func worker(_ name: String, backend: String, sink: String) throws -> DaemonProcess {
        try DaemonProcess(
            flags: DaemonEndToEndTests.flags(
                input: backend, output: sink,
                extra: ["--input-type", "dealer", "--pipeline-enrichment", "false", "--worker-name", name]))
    }

    @Test func workersRestartedAndKilledUnderLoadLoseNothing() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull, capacity: 1024)
        let broker = try CompanionProcess(
            "broker",
            arguments: [
                "--frontend", feedEndpoint, "--frontend-connect", "--backend", "tcp://127.0.0.1:*",
                "--worker-timeout-ms", "3000", "--status-interval-s", "1",
            ])
        var bound: String?
        #expect(
            eventually {
                bound = broker.boundEndpoint("broker.started"); return bound != nil
            }, "\(broker.log)")
        let backend = try #require(bound)
        let workers = try ["w1", "w2", "w3"].map { try Self.worker($0, backend: backend, sink: sinkEndpoint) }

        let total = 6_000
        // The sender also does the faults, at fixed points of the stream, so they happen while it flows.
        let sender = Task { () throws -> DaemonProcess in
            var replacement: DaemonProcess?
            for index in 0..<total {
                _ = try await feed.send(ZMQMessage(envelope(index)))
                if index.isMultiple(of: 5) { try await Task.sleep(for: .milliseconds(2)) }
                if index == 1_500 {
                    // A graceful restart: the worker tells the broker, drains, leaves; a new one takes its place.
                    workers[0].sigterm()
                }
                if index == 2_000 {
                    #expect(workers[0].waitForExit() == 0, "\(workers[0].log)")
                    replacement = try Self.worker("w1b", backend: backend, sink: sinkEndpoint)
                }
                if index == 4_000 {
                    // A crash: w2 is frozen first, so it holds jobs it never acknowledges, then killed; the
                    // broker gives those jobs to the others once it sees the connection gone or the worker silent.
                    kill(workers[1].pid, SIGSTOP)
                }
                if index == 4_300 { kill(workers[1].pid, SIGKILL) }
            }
            return try #require(replacement)
        }
        var copies: [String: [String]] = [:]
        let deadline = ContinuousClock.now + .seconds(90)
        var iterator = sink.makeAsyncIterator()
        while copies.count < total, ContinuousClock.now < deadline {
            guard let record = await iterator.next() else { break }
            let id = try #require(field(record.frames[0], "id") as? String)
            let worker = try #require(field(record.frames[0], "worker") as? String)
            copies[id, default: []].append(worker)
        }
        let replacement = try await sender.value
        _ = workers[1].waitForExit()
        let missing = (0..<total).map { "a\($0)" }.filter { copies[$0] == nil }
        #expect(missing.isEmpty, "missing \(missing.prefix(10)); broker log:\n\(broker.log)")
        // At-least-once only across the crash: every second copy involves the killed worker.
        let duplicated = copies.filter { $0.value.count > 1 }
        for (id, workersOfID) in duplicated {
            #expect(workersOfID.contains("w2"), "\(id) came from \(workersOfID)")
        }
        #expect(copies.values.allSatisfy { $0.filter { $0 == "w1" || $0 == "w1b" }.count <= 1 })
        #expect(Set(copies.values.joined()).isSuperset(of: ["w1", "w1b", "w2", "w3"]))

        for worker in workers + [replacement] where worker.process.isRunning {
            worker.sigterm()
            #expect(worker.waitForExit() == 0)
        }
        #expect(eventually { broker.log.contains("broker.workers=0") }, "\(broker.log)")
        kill(broker.process.processIdentifier, SIGTERM)
        #expect(broker.waitForExit() == 0, "\(broker.log)")
        let stopped = try #require(broker.log.split(separator: "\n").last { $0.contains("broker.stopped") })
        #expect(stopped.contains("broker.lost_at_stop=0"))
        #expect(!stopped.contains("broker.workers_expired=0"))
        #expect(!stopped.contains("broker.requeued=0"))
        #expect(stopped.contains("broker.received=\(total)"))
        await harness.shutdown()
    }
}

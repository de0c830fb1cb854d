import Foundation
import Glibc
import Spool
import Synchronization
import Testing
import ZeroMQ

/// The disk spool with the real binary: a SIGKILL under load loses no journaled message, a graceful stop
/// leaves the journal empty, and two workers cannot share one journal.
@Suite("Spool end to end", .serialized, .timeLimit(.minutes(4)))
struct SpoolEndToEndTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("enrichd-spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var spoolPath: String { directory.appendingPathComponent("spool.db").path }

    func flags(input: String, output: String, extra: [String] = []) -> [String] {
        DaemonEndToEndTests.flags(input: input, output: output, extra: ["--spool-path", spoolPath] + extra)
    }

    static func id(_ frames: [[UInt8]]) -> String? { frames.last.flatMap { field($0, "id") as? String } }

    /// Everything the sink receives until it has been quiet for `quiet`.
    static func drain(_ sink: InboundChannel, quiet: Duration, limit: Duration) async -> [String] {
        var ids: [String] = []
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let batch = await collect(sink, count: 500, timeout: quiet)
            if batch.isEmpty { break }
            ids += batch.compactMap { id($0.frames) }
        }
        return ids
    }

    @Test func sigkillUnderLoadLosesNoJournaledMessage() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        // Pass-through at a paced rate, so little waits in libzmq's queues, where ZeroMQ itself loses
        // messages at a kill (they were never accepted); a one-second release delay keeps ~1 s journaled.
        let passThrough = ["--pipeline-enrichment", "false", "--input-high-water-mark", "100"]
        let first = try DaemonProcess(flags: flags(input: feedEndpoint, output: sinkEndpoint, extra: passThrough))
        let total = 3_000
        let sender = Task {
            for index in 0..<total {
                _ = try await feed.send(ZMQMessage(envelope(index, prefix: "k", padding: 4_000)))
                try await Task.sleep(for: .milliseconds(2))
            }
        }
        let before = await collect(sink, count: 1_000, timeout: .seconds(60)).compactMap { Self.id($0.frames) }
        #expect(before.count == 1_000)
        kill(first.pid, SIGKILL)
        #expect(first.waitForExit(timeout: .seconds(10)) == SIGKILL || !first.process.isRunning)

        // What the killed worker had journaled and not released: all of it must come out after the restart.
        let journal = try await Spool.open(
            Spool.Configuration(path: spoolPath, maxBytes: 1 << 30, durability: .process, releaseDelay: .zero))
        var pending: [String] = []
        var after: Int64 = 0
        while case let batch = try await journal.pending(after: after, limit: 500), let last = batch.last {
            pending += batch.compactMap { Self.id($0.frames) }
            after = last.ticket.sequence
        }
        await journal.close(releaseAll: false)
        #expect(!pending.isEmpty, "nothing was in flight at the kill; the test proves nothing")

        let second = try DaemonProcess(flags: flags(input: feedEndpoint, output: sinkEndpoint, extra: passThrough))
        try await sender.value
        let later = await Self.drain(sink, quiet: .seconds(3), limit: .seconds(120))
        let received = before + later
        let unique = Set(received)
        let sent = Set((0..<total).map { "k\($0)" })
        #expect(unique.isSubset(of: sent))
        let missing = Set(pending).subtracting(unique)
        #expect(missing.isEmpty, "journaled but never published: \(missing.sorted().prefix(10))")
        // Duplicates come only from replayed records whose output had been sent before the kill.
        var seen = Set<String>()
        let duplicates = received.filter { !seen.insert($0).inserted }
        #expect(Set(duplicates).isSubset(of: Set(pending)))
        #expect(second.logValue("spool.replayed", key: "spool.replayed") == String(pending.count))
        print(
            "spool sigkill: sent \(total), journaled at kill \(pending.count), received \(unique.count) unique, "
                + "\(duplicates.count) duplicates, \(total - unique.count) never accepted")
        second.sigterm()
        #expect(second.waitForExit() == 0, "\(second.log.suffix(2000))")
        #expect(second.logValue("spool.closed", key: "spool.pending") == "0")
        await harness.shutdown()
    }

    @Test func gracefulStopEmptiesTheJournalAndASecondWorkerIsRefused() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        let daemon = try DaemonProcess(flags: flags(input: feedEndpoint, output: sinkEndpoint))
        let intruder = try DaemonProcess(flags: flags(input: feedEndpoint, output: sinkEndpoint), waitForReady: false)
        #expect(intruder.waitForExit(timeout: .seconds(20)) == 1)
        #expect(intruder.log.contains("in use by another process"), "\(intruder.log.suffix(2000))")

        for index in 0..<300 { _ = try await feed.send(ZMQMessage(envelope(index, prefix: "g"))) }
        let outputs = await collect(sink, count: 300, timeout: .seconds(60))
        #expect(Set(outputs.compactMap { Self.id($0.frames) }).count == 300)
        let metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
        #expect(metrics["enrichd_spool_appended_total"] == 300)
        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(2000))")
        #expect(daemon.logValue("spool.closed", key: "spool.pending") == "0")
        #expect(daemon.logValue("spool.closed", key: "spool.flushed") == "true")

        let reopened = try DaemonProcess(flags: flags(input: feedEndpoint, output: sinkEndpoint))
        #expect(reopened.logValue("spool.opened", key: "spool.backlog") == "0")
        reopened.sigterm()
        #expect(reopened.waitForExit() == 0)
        await harness.shutdown()
    }

    @Test func unusableSpoolPathIsAConfigurationError() throws {
        let daemon = try DaemonProcess(
            flags: DaemonEndToEndTests.flags(
                input: "tcp://127.0.0.1:1", output: "tcp://127.0.0.1:2",
                extra: ["--spool-path", directory.appendingPathComponent("missing/spool.db").path]),
            waitForReady: false)
        #expect(daemon.waitForExit(timeout: .seconds(20)) == 78)
        #expect(daemon.log.contains("spool"), "\(daemon.log.suffix(2000))")
    }
}

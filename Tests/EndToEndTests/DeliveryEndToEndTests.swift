import Foundation
import Testing
import ZeroMQ

/// Delivery guarantees that need the real binary: what PUB drops at its high-water mark is counted exactly.
@Suite("Delivery end to end", .serialized, .timeLimit(.minutes(3)))
struct DeliveryEndToEndTests {
    @Test func pubOutputCountsEveryDropAtTheHighWaterMark() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        // A subscriber that does not read: its one-slot bridge fills, then libzmq's queues, then the daemon's PUB.
        let spec = SocketSpec(
            name: "slow-sub", type: .sub, bind: ["tcp://127.0.0.1:*"],
            options: [.receiveHighWaterMark(5), .subscribe([]), .linger(.zero)])
        let subscriber = try await harness.io.openInbound(spec, capacity: 1)
        let daemon = try DaemonProcess(
            flags: DaemonEndToEndTests.flags(
                input: feedEndpoint, output: subscriber.boundEndpoints[0],
                extra: ["--output-type", "pub", "--output-high-water-mark", "5", "--pipeline-enrichment", "false"]))
        // PUB/SUB joins asynchronously: wait until the subscriber is connected.
        #expect(try eventually {
            let metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
            return metrics.contains { $0.key.contains("socket=\"output\"") && $0.key.contains("event=\"connected\"") }
        })
        try await Task.sleep(for: .milliseconds(300))
        let total = 2_000
        for index in 0..<total {
            _ = try await feed.send(ZMQMessage(envelope(index, prefix: "p", padding: 32_768)))
        }
        var metrics: [String: Double] = [:]
        func dropped() -> Double {
            metrics.filter { $0.key.hasPrefix("enrichd_messages_dropped_total{") && $0.key.contains("socket=\"output\"") }
                .values.reduce(0, +)
        }
        let settled = try eventually(timeout: .seconds(60)) {
            metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
            return (metrics["enrichd_messages_published_total"] ?? 0) + dropped() == Double(total)
        }
        #expect(settled, "published \(metrics["enrichd_messages_published_total"] ?? -1) dropped \(dropped())")
        #expect(dropped() > 0)
        #expect(metrics["enrichd_messages_received_total"] == Double(total))
        // Everything counted as published reaches the subscriber; nothing else does.
        let published = Int(metrics["enrichd_messages_published_total"] ?? 0)
        let received = await collect(subscriber, count: published + 1, timeout: .seconds(5))
        #expect(received.count == published)
        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        await harness.shutdown()
    }
}

import Foundation
import Testing
import ZeroMQ

/// Delivery guarantees that need the real binary: what PUB drops at its high-water mark is counted exactly,
/// and hostile inputs (100 MB, 1 MB lines, 10,000 nested tags, NUL bytes, invalid UTF-8, wrong JSON types)
/// each end as one record with a reason while good traffic flows.
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
        func dropped(_ metrics: [String: Double]) -> Double {
            metrics.filter {
                $0.key.hasPrefix("enrichd_messages_dropped_total{") && $0.key.contains("socket=\"output\"")
            }
            .values.reduce(0, +)
        }
        func settled(received: Int) throws -> (published: Double, dropped: Double)? {
            var metrics: [String: Double] = [:]
            let done = try eventually(timeout: .seconds(60)) {
                metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
                return (metrics["enrichd_messages_published_total"] ?? 0) + dropped(metrics) == Double(received)
            }
            return done ? (metrics["enrichd_messages_published_total"] ?? 0, dropped(metrics)) : nil
        }
        // PUB/SUB joins asynchronously: probe until one record reaches the subscriber, then drain.
        var probes = 0
        var joined = false
        while !joined && probes < 100 {
            _ = try await feed.send(ZMQMessage(envelope(probes, prefix: "probe")))
            probes += 1
            joined = !(await collect(subscriber, count: 1, timeout: .milliseconds(100))).isEmpty
        }
        #expect(joined)
        let before = try #require(try settled(received: probes))
        while !(await collect(subscriber, count: 1_000, timeout: .milliseconds(300))).isEmpty {}

        let total = 2_000
        for index in 0..<total {
            _ = try await feed.send(ZMQMessage(envelope(index, prefix: "p", padding: 32_768)))
        }
        let after = try #require(
            try settled(received: probes + total), "published + dropped never reached the sent count")
        let published = Int(after.published - before.published)
        #expect(after.dropped - before.dropped > 0)
        #expect(published + Int(after.dropped - before.dropped) == total)
        // Everything counted as published reaches the subscriber; nothing else does.
        let received = await collect(subscriber, count: published + 1, timeout: .seconds(5))
        #expect(received.count == published)
        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        await harness.shutdown()
    }

    @Test func nastyInputsEndAsRecordsWhileGoodTrafficFlows() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (huge, hugeEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        let (dead, deadEndpoint) = try await harness.bindInbound(.pull)
        let daemon = try DaemonProcess(
            flags: DaemonEndToEndTests.flags(
                input: feedEndpoint, output: sinkEndpoint,
                extra: [
                    "--input-endpoints", feedEndpoint, hugeEndpoint, "--pipeline-max-payload-bytes", "2000000",
                    "--dead-letter-enabled", "true", "--dead-letter-mode", "connect", "--dead-letter-endpoints",
                    deadEndpoint,
                ]))
        // 100 MB exceeds ZMQ_MAXMSGSIZE (16 MiB): libzmq drops that connection; the daemon never sees it.
        _ = try await huge.send(ZMQMessage([UInt8](repeating: 0x41, count: 100 * 1024 * 1024)))
        let oneMegabyteLine = [UInt8](String(repeating: "Council members met again on Tuesday, ", count: 27_000).utf8)
        let nested =
            "{\"id\":\"deep\",\"html\":\"<html><body>" + String(repeating: "<div>", count: 10_000)
            + "Deep text for the test page, several words long." + String(repeating: "</div>", count: 10_000)
            + "</body></html>\"}"
        let threeMegabytes = "{\"id\":\"big\",\"body\":\"" + String(repeating: "a", count: 3_000_000) + "\"}"
        let nasties: [[UInt8]] = [
            oneMegabyteLine,
            Array(nested.utf8),
            Array(threeMegabytes.utf8),
            [0x41, 0x00, 0x42, 0x00],
            [0xC3, 0x28, 0xA0, 0xA1],
            Array("{\"id\":\"w1\",\"html\":[\"x\"]}".utf8),
            Array("{\"id\":7,\"body\":\"x\"}".utf8),
            Array("{\"id\":\"t\",\"body\":\"x\"".utf8),
            Array("[1,2,3]".utf8),
        ]
        for index in 0..<60 {
            _ = try await feed.send(ZMQMessage(envelope(index, prefix: "g")))
            if index < nasties.count { _ = try await feed.send(ZMQMessage(nasties[index])) }
        }
        let expected = 60 + nasties.count
        var outputs: [ZMQMessage] = []
        var records: [ZMQMessage] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while outputs.count + records.count < expected && ContinuousClock.now < deadline {
            outputs += await collect(sink, count: expected, timeout: .milliseconds(200))
            records += await collect(dead, count: expected, timeout: .milliseconds(200))
        }
        #expect(outputs.count + records.count == expected)
        let goodIDs = Set(outputs.compactMap { field($0.frames[0], "id") as? String }.filter { $0.hasPrefix("g") })
        #expect(goodIDs.count == 60)
        let reasons = Set(records.compactMap { field($0.frames[0], "reason") as? String })
        for reason in ["too_large", "binary", "invalid_utf8", "wrong_type", "invalid_json", "not_an_object"] {
            #expect(reasons.contains(reason), "no \(reason) in \(reasons)")
        }
        for record in records {
            #expect((field(record.frames[0], "message") as? String)?.isEmpty == false)
        }
        #expect(
            try eventually {
                let metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
                return metrics.contains {
                    $0.key.hasPrefix("enrichd_socket_events_total{") && $0.key.contains("socket=\"input\"")
                        && $0.key.contains("event=\"disconnected\"") && $0.value >= 1
                }
            })
        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        await harness.shutdown()
    }
}

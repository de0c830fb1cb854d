import Foundation
import Glibc
import Testing
import ZeroMQ

/// The real binary between real sockets on loopback, as an operator runs it.
@Suite("Daemon end to end", .serialized, .timeLimit(.minutes(3)))
struct DaemonEndToEndTests {
    static func flags(input: String, output: String, extra: [String] = []) -> [String] {
        [
            "--input-mode", "connect", "--input-endpoints", input, "--output-mode", "connect", "--output-endpoints",
            output, "--http-port", "0", "--systemd-status-interval-ms", "200",
        ] + extra
    }

    @Test func tenThousandArticlesExactlyOnceThenCleanExit() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        let daemon = try DaemonProcess(flags: Self.flags(input: feedEndpoint, output: sinkEndpoint))
        let total = 10_000
        async let sent: Void = {
            for index in 0..<total { try await feed.send(ZMQMessage(envelope(index))) }
        }()
        let outputs = await collect(sink, count: total, timeout: .seconds(120))
        try await sent
        var ids = Set<String>()
        for message in outputs {
            #expect(message.frames.count == 1)
            let id = try #require(field(message.frames[0], "id") as? String)
            #expect(ids.insert(id).inserted, "duplicate \(id)")
        }
        #expect(ids.count == total)
        #expect(ids == Set((0..<total).map { "a\($0)" }))

        let (status, text) = try daemon.get("/metrics")
        #expect(status == 200)
        let metrics = try HTTPProbe.parseMetrics(text)
        #expect(metrics["enrichd_messages_received_total"] == Double(total))
        #expect(metrics["enrichd_messages_published_total"] == Double(total))
        for stage in ["decode", "parse", "enrich", "encode", "publish", "end_to_end"] {
            let count = metrics.first {
                $0.key.hasPrefix("enrichd_stage_duration_seconds_count") && $0.key.contains("stage=\"\(stage)\"")
            }
            #expect(count?.value == Double(total), "stage \(stage)")
        }
        #expect(metrics.keys.contains { $0.hasPrefix("enrichd_socket_events_total") })
        #expect(try daemon.get("/healthz").0 == 200)
        #expect(try daemon.get("/readyz").0 == 200)
        #expect(daemon.notify.waitFor("WATCHDOG=1", timeout: .seconds(5)))
        #expect(daemon.notify.messages.contains { $0.contains("STATUS=") && $0.contains("received") })

        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        #expect(daemon.notify.waitFor("STOPPING=1", timeout: .seconds(1)))
        await harness.shutdown()
    }

    @Test func subscriberInputFiltersTopicsAndPubOutputUsesTopicTemplate() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.pub)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.sub)
        let daemon = try DaemonProcess(
            flags: Self.flags(
                input: feedEndpoint, output: sinkEndpoint,
                extra: [
                    "--input-type", "sub", "--input-topics", "news.", "--output-type", "pub", "--output-topic",
                    "enriched.{source}",
                ]))
        // PUB/SUB joins asynchronously: probe until one article makes the round trip.
        var joined = false
        for attempt in 0..<100 where !joined {
            try await feed.send(ZMQMessage(frames: [Array("news.probe".utf8), envelope(attempt, prefix: "probe")]))
            joined = !(await collect(sink, count: 1, timeout: .milliseconds(100))).isEmpty
        }
        #expect(joined)
        for index in 0..<200 {
            let topic = index.isMultiple(of: 2) ? "news.world" : "sport.scores"
            try await feed.send(ZMQMessage(frames: [Array(topic.utf8), envelope(index, prefix: "t")]))
        }
        let outputs = await collect(sink, count: 100, timeout: .seconds(30))
        let extra = await collect(sink, count: 1, timeout: .milliseconds(500)).filter {
            (field($0.frames.last!, "id") as? String)?.hasPrefix("t") == true
        }
        let ids = outputs.compactMap { field($0.frames.last!, "id") as? String }.filter { $0.hasPrefix("t") }
        #expect(Set(ids) == Set(stride(from: 0, to: 200, by: 2).map { "t\($0)" }))
        #expect(extra.isEmpty)
        for message in outputs {
            #expect(message.frames.count == 2)
            #expect(String(decoding: message.frames[0], as: UTF8.self) == "enriched.test-wire")
        }
        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        await harness.shutdown()
    }

    @Test func malformedPayloadsAreDeadLetteredWhileGoodOnesFlow() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        let (dead, deadEndpoint) = try await harness.bindInbound(.pull)
        let daemon = try DaemonProcess(
            flags: Self.flags(
                input: feedEndpoint, output: sinkEndpoint,
                extra: [
                    "--dead-letter-enabled", "true", "--dead-letter-mode", "connect", "--dead-letter-endpoints",
                    deadEndpoint,
                ]))
        let bad: [(ZMQMessage, String)] = [
            (ZMQMessage(Array("{\"id\":\"x1\",\"text\":42}".utf8)), "wrong_type"),
            (ZMQMessage([0xFF, 0xFE, 0x41, 0x00]), "invalid_utf8"),
            (ZMQMessage(Array("{\"id\":\"x3\",\"body\":\"a\",\"text\":\"b\"}".utf8)), "conflicting_content"),
            (ZMQMessage(Array("   ".utf8)), "empty"),
            (ZMQMessage(frames: [Array("a".utf8), Array("b".utf8), Array("c".utf8)]), "unexpected_frames"),
        ]
        for index in 0..<50 {
            try await feed.send(ZMQMessage(envelope(index, prefix: "g")))
            if index < bad.count { try await feed.send(bad[index].0) }
        }
        let good = await collect(sink, count: 50, timeout: .seconds(30))
        let records = await collect(dead, count: bad.count, timeout: .seconds(30))
        #expect(good.count == 50)
        #expect(records.count == bad.count)
        let reasons = records.compactMap { field($0.frames[0], "reason") as? String }
        #expect(Set(reasons) == Set(bad.map(\.1)))
        let binary = try #require(records.first { field($0.frames[0], "reason") as? String == "invalid_utf8" })
        #expect(
            field(binary.frames[0], "payload_base64") as? String
                == Data([0xFF, 0xFE, 0x41, 0x00]).base64EncodedString())
        for record in records {
            #expect(field(record.frames[0], "stage") as? String != nil)
            #expect(field(record.frames[0], "schema") as? String == "enrichd.deadletter/1")
        }
        let metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
        let deadLettered = metrics.filter { $0.key.hasPrefix("enrichd_messages_dead_lettered_total") }.values.reduce(
            0, +)
        #expect(deadLettered == Double(bad.count))
        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        await harness.shutdown()
    }

    @Test func sigtermMidStreamAccountsForEveryAcceptedMessage() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        let daemon = try DaemonProcess(flags: Self.flags(input: feedEndpoint, output: sinkEndpoint))
        let total = 10_000
        // The upstream keeps sending while the daemon drains; what the daemon did not accept stays queued upstream.
        let sender = Task {
            for index in 0..<total {
                _ = try? await feed.send(ZMQMessage(envelope(index, prefix: "s")))
            }
        }
        var outputs = await collect(sink, count: 2_000, timeout: .seconds(60))
        #expect(outputs.count == 2_000)
        daemon.sigterm()
        let status = daemon.waitForExit()
        outputs += await collect(sink, count: total, timeout: .seconds(2))
        sender.cancel()
        #expect(status == 0)
        let accepted = try #require(daemon.logValue("daemon.stopped", key: "pipeline.accepted").flatMap(Int.init))
        let finished = try #require(daemon.logValue("daemon.stopped", key: "pipeline.finished").flatMap(Int.init))
        let ids = outputs.compactMap { field($0.frames[0], "id") as? String }
        #expect(Set(ids).count == ids.count, "duplicates")
        #expect(ids.count == accepted, "published \(ids.count) of \(accepted) accepted")
        #expect(finished == accepted)
        #expect(accepted < total)
        #expect(!daemon.log.contains("message.unsent"))
        await harness.shutdown()
    }

    @Test func stalledDownstreamPausesIntakeWithBoundedMemoryAndReadyzDropsDuringDrain() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push, hwm: 100)
        // A sink that does not read: its bridge holds 1 message and its libzmq queue 10.
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull, hwm: 10, capacity: 1)
        let daemon = try DaemonProcess(
            flags: Self.flags(
                input: feedEndpoint, output: sinkEndpoint,
                extra: [
                    "--input-high-water-mark", "10", "--output-high-water-mark", "10", "--shutdown-drain-timeout-ms",
                    "20000",
                ]))
        let total = 3_000
        let sender = Task {
            for index in 0..<total { _ = try? await feed.send(ZMQMessage(envelope(index, prefix: "p", padding: 32_768))) }
        }
        let paused = try eventually(timeout: .seconds(20)) {
            let metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
            return metrics["enrichd_intake_paused"] == 1 && (metrics["enrichd_intake_paused_seconds_total"] ?? 0) > 0
        }
        #expect(paused)
        let received = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)["enrichd_messages_received_total"] ?? 0
        #expect(received < 200, "intake did not pause: \(received) received")
        #expect(daemon.residentKiB < 256 * 1024, "RSS \(daemon.residentKiB) KiB")

        daemon.sigterm()
        #expect(daemon.notify.waitFor("STOPPING=1", timeout: .seconds(5)))
        #expect(try eventually(timeout: .seconds(5)) { try daemon.get("/readyz").0 == 503 })
        // Downstream comes back: everything accepted drains and the daemon exits cleanly.
        let outputs = await collect(sink, count: total, timeout: .seconds(5))
        sender.cancel()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        let accepted = try #require(daemon.logValue("daemon.stopped", key: "pipeline.accepted").flatMap(Int.init))
        #expect(outputs.count == accepted)
        await harness.shutdown()
    }

    @Test func twoWorkersShareOnePushStream() async throws {
        let harness = try Harness()
        let (feed, feedEndpoint) = try await harness.bindOutbound(.push)
        let (sink, sinkEndpoint) = try await harness.bindInbound(.pull)
        let one = try DaemonProcess(
            flags: Self.flags(input: feedEndpoint, output: sinkEndpoint, extra: ["--worker-name", "w1"]))
        let two = try DaemonProcess(
            flags: Self.flags(input: feedEndpoint, output: sinkEndpoint, extra: ["--worker-name", "w2"]))
        let total = 2_000
        for index in 0..<total { try await feed.send(ZMQMessage(envelope(index, prefix: "w"))) }
        let outputs = await collect(sink, count: total, timeout: .seconds(60))
        #expect(outputs.count == total)
        let workers = outputs.compactMap { field($0.frames[0], "worker") as? String }
        let first = workers.filter { $0 == "w1" }.count
        let second = workers.filter { $0 == "w2" }.count
        #expect(first + second == total)
        #expect(first > total / 5 && second > total / 5, "w1 \(first), w2 \(second)")
        #expect(Set(outputs.compactMap { field($0.frames[0], "id") as? String }).count == total)
        one.sigterm()
        two.sigterm()
        #expect(one.waitForExit() == 0)
        #expect(two.waitForExit() == 0)
        await harness.shutdown()
    }

    @Test func badConfigurationFailsAtStartNamingTheKey() throws {
        let daemon = try DaemonProcess(flags: ["--input-tpye", "pull"], waitForReady: false)
        #expect(daemon.waitForExit() == 78)
        #expect(daemon.log.contains("--input-tpye"))
    }

    @Test func httpPortInUseFailsCleanly() async throws {
        let harness = try Harness()
        let (_, taken) = try await harness.bindInbound(.pull)
        let port = try #require(taken.split(separator: ":").last.map(String.init))
        let (_, feedEndpoint) = try await harness.bindOutbound(.push)
        let (_, sinkEndpoint) = try await harness.bindInbound(.pull)
        let daemon = try DaemonProcess(
            flags: [
                "--input-mode", "connect", "--input-endpoints", feedEndpoint, "--output-mode", "connect",
                "--output-endpoints", sinkEndpoint, "--http-port", port,
            ], waitForReady: false)
        #expect(daemon.waitForExit(timeout: .seconds(20)) == 1, "\(daemon.log.suffix(2000))")
        #expect(!daemon.notify.messages.contains { $0.contains("READY=1") })
        await harness.shutdown()
    }

    @Test func addressInUseFailsAtStart() async throws {
        let harness = try Harness()
        let (_, taken) = try await harness.bindInbound(.pull)
        let daemon = try DaemonProcess(
            flags: ["--input-mode", "bind", "--input-endpoints", taken, "--http-enabled", "false"], waitForReady: false)
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.log.contains("daemon.failed"))
        #expect(!daemon.notify.messages.contains { $0.contains("READY=1") })
        await harness.shutdown()
    }
}

import ArgumentParser
import Foundation
import Synchronization
import ZeroMQ

/// `enrichd bench`: raw libzmq vs the daemon in pass-through vs the daemon with enrichment.
///
/// All three phases use the same sockets (PUSH → PULL over tcp loopback) and message size, in one
/// run, so the ratios are comparable. The daemon phases start this binary as a separate process
/// (`enrichd run`), connect it between a bench PUSH and a bench PULL, and read its CPU time and
/// peak RSS from /proc.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure raw libzmq, daemon pass-through and daemon enrichment throughput and latency."
    )

    @Option(help: "Messages per throughput phase.")
    var messages: Int = 50_000

    @Option(help: "Seconds of the half-load latency phase.")
    var latencySeconds: Double = 3

    @Option(
        help: "Raw scraped article used for the enrichment phase (default: samples/harbor-storm.txt padded to ~6 KB).")
    var article: String?

    @Flag(help: "Also measure raw libzmq and the daemon in pass-through with CURVE on both daemon sockets.")
    var curve = false

    @Flag(help: "Also measure the daemon in pass-through with the disk spool on (durability process and host).")
    var spool = false

    func run() throws {
        let payloadSize = 6 * 1024
        let filler = String(
            repeating: "Council members met again on Tuesday to discuss the harbor budget. ", count: payloadSize / 66)
        print(
            "enrichd bench: \(messages) messages per phase, 6 KB payloads, tcp loopback, \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )

        let raw = try BenchHarness.rawThroughput(messages: messages, size: payloadSize)
        print(
            String(format: "raw libzmq PUSH->PULL       %9.0f msg/s  (%.0f MB/s)", raw, raw * Double(payloadSize) / 1e6)
        )

        let passPayload: @Sendable (Int) -> [UInt8] = { seq in
            Array("{\"id\":\"b\(seq)\",\"body\":\"\(filler.prefix(payloadSize - 40))\"}".utf8)
        }
        let pass = try BenchHarness.daemon(
            enrichment: false, messages: messages, latencySeconds: latencySeconds, payload: passPayload)
        print(pass.line(name: "daemon pass-through", raw: raw))
        if curve {
            let keys = try BenchHarness.CurveSetup()
            defer { try? FileManager.default.removeItem(atPath: keys.directory) }
            let rawCurve = try BenchHarness.rawThroughput(messages: messages, size: payloadSize, curve: keys)
            print(
                String(
                    format: "raw libzmq PUSH->PULL CURVE %9.0f msg/s  (%.0f MB/s, %.1f%% of plaintext)", rawCurve,
                    rawCurve * Double(payloadSize) / 1e6, 100 * rawCurve / raw))
            let passCurve = try BenchHarness.daemon(
                enrichment: false, messages: messages, latencySeconds: latencySeconds, curve: keys,
                payload: passPayload)
            print(passCurve.line(name: "daemon pass-through CURVE", raw: raw))
        }

        if spool {
            for durability in ["process", "host"] {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "enrichd-bench-spool-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: directory) }
                let spooled = try BenchHarness.daemon(
                    enrichment: false, messages: messages, latencySeconds: latencySeconds,
                    extraFlags: [
                        "--spool-path", directory.appendingPathComponent("spool.db").path, "--spool-durability",
                        durability,
                    ], payload: passPayload)
                print(spooled.line(name: "daemon pass-through spool \(durability)", raw: raw))
            }
        }

        let text = try articleText(minimumBytes: 5_500)
        let articlePayload: @Sendable (Int) -> [UInt8] = { seq in
            var envelope = Array("{\"id\":\"b\(seq)\",\"text\":\"".utf8)
            envelope += BenchHarness.jsonEscaped(text)
            envelope += Array("\"}".utf8)
            return envelope
        }
        let full = try BenchHarness.daemon(
            enrichment: true, messages: messages / 2, latencySeconds: latencySeconds, payload: articlePayload)
        print(full.line(name: "daemon with enrichment", raw: raw))
    }

    private func articleText(minimumBytes: Int) throws -> String {
        let path = article ?? "samples/harbor-storm.txt"
        guard var text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("cannot read \(path); run from the repository or pass --article")
        }
        let paragraphs = text.components(separatedBy: "\n\n").filter { $0.count > 120 }
        var index = 0
        while text.utf8.count < minimumBytes && !paragraphs.isEmpty {
            text += "\n\n" + paragraphs[index % paragraphs.count]
            index += 1
        }
        return text
    }
}

import ArgumentParser
import Articles
import Foundation

/// `enrichd bench-parse`: articles per second of the parser (structure recovery, HTML extraction and
/// language detection) on one core, for raw text and HTML pages separately.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse",
        abstract: "Measure parsing throughput (pages/s, one core): raw text and HTML pages, each file one article."
    )

    @Option(help: "Seconds to run each measurement.")
    var seconds: Double = 3

    @Flag(help: "Leave out language detection (CLD2).")
    var noLanguage = false

    @Argument(help: "Files: *.html/*.htm are pages, anything else raw text (default: samples/*).")
    var files: [String] = []

    func run() throws {
        let paths =
            files.isEmpty
            ? ((try? FileManager.default.contentsOfDirectory(atPath: "samples")) ?? []).sorted().map { "samples/" + $0 }
            : files
        var pages: [Envelope] = []
        var texts: [Envelope] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path)")
            }
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") || path.hasSuffix(".htm") {
                pages.append(Envelope(content: .html(text)))
            } else {
                texts.append(Envelope(content: .text(text)))
            }
        }
        let parser = noLanguage ? StandardArticleParser(language: nil) : StandardArticleParser()
        for (name, envelopes) in [("raw text", texts), ("HTML pages", pages)] where !envelopes.isEmpty {
            let bytes = envelopes.reduce(0) { total, envelope in
                switch envelope.content {
                case .text(let s), .html(let s), .body(let s): total + s.utf8.count
                }
            }
            let clock = ContinuousClock()
            let started = clock.now
            var count = 0
            var failures = 0
            var pass = 0
            while clock.now - started < .seconds(seconds) {
                for envelope in envelopes {
                    do {
                        _ = try parser.parse(envelope)
                    } catch {
                        if pass == 0 { failures += 1 }
                    }
                    count += 1
                }
                pass += 1
            }
            let elapsed = clock.now - started
            let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let label = name.padding(toLength: 11, withPad: " ", startingAt: 0)
            let line =
                "\(label) \(envelopes.count) files, "
                + String(
                    format: "%.1f KB average  %10.1f articles/s  %7.3f ms each",
                    Double(bytes) / Double(envelopes.count) / 1024, Double(count) / secondsElapsed,
                    1000 * secondsElapsed / Double(count))
            print(line + (failures > 0 ? "  (files with a parse error: \(failures))" : ""))
        }
    }
}

import Articles
@testable import Enrichment
import FoundationEssentials
import Testing

/// Bounded fuzzing of the whole pipeline (decode → parse → enrich → encode): seeded random payloads —
/// raw bytes, mangled JSON envelopes, tag soup and deeply nested HTML — must each give exactly one
/// output record or one dead letter, both valid JSON, and never crash. `FUZZ_ITERATIONS` raises the
/// count (`make fuzz`); the default keeps `make test` quick.
@Suite struct PipelineFuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? 600

    private static let fragments = [
        "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u00", "\\ud800", "null", "true", "1e999", "-0", "\"text\"",
        "\"html\"", "\"body\"", "\"id\"", "\"title\"", "\"published_at\"", "<html>", "<body>", "<div>", "</div>",
        "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<meta charset=\"windows-1252\">", "&amp;", "&#0;",
        "&#x110000;", "<a href=", "Kerry said on Friday.", "MOSCOW (Reuters) -", "Story highlights", "\n", "\n\n",
        " ", "\u{00}", "\u{FEFF}", "“", "”", "02:14 - Source: CNN", "By Jane Doe, CNN", "São Paulo", "北京",
    ]

    @Test func randomPayloadsEndAsOneRecord() throws {
        let pipeline = ArticlePipeline()
        var random = SplitMix64(seed: 0xF0_22)
        for round in 0..<Self.iterations {
            var payload: [UInt8]
            switch round % 4 {
            case 0:
                payload = (0..<Int(random.next() % 400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            case 1:
                payload = Array(
                    (0..<Int(random.next() % 120)).map { _ in Self.fragments[Int(random.next() % UInt64(Self.fragments.count))] }
                        .joined().utf8)
            case 2:
                let depth = Int(random.next() % 3000)
                payload = Array(("<html><body>" + String(repeating: "<div><span>", count: depth) + "Deep text here."
                    + String(repeating: "</b>", count: depth / 2)).utf8)
            default:
                let inner = (0..<Int(random.next() % 60)).map { _ in Self.fragments[Int(random.next() % UInt64(Self.fragments.count))] }.joined()
                var w = JSONWriter()
                w.beginObject()
                w.key(random.next() % 2 == 0 ? "html" : "text")
                w.string(inner)
                w.endObject()
                payload = w.bytes
            }
            switch pipeline.process(payload, context: ProcessingContext(worker: "fuzz")) {
            case .output(_, let json, _, _):
                _ = try JSONReader.parse(json)
            case .deadLetter(let reason, _, let json):
                #expect(!reason.isEmpty)
                _ = try JSONReader.parse(json)
            }
        }
    }
}

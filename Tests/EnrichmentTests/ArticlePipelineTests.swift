import Articles
import Enrichment
import FoundationEssentials
import Testing

private struct FailingEnricher: Enricher {
    var name: String { "failing" }
    func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        throw EnrichmentError(code: .failed, enricher: name, detail: "always fails")
    }
}

@Suite struct ArticlePipelineTests {
    private let context = ProcessingContext(
        worker: "w1",
        receivedAt: Date(timeIntervalSince1970: 1_795_600_800),
        topic: Array("in".utf8)
    )

    private func payload(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static let story = """
        Storm closes mountain pass

        ZURICH (Alpwire) - Heavy snow closed the Gotthard pass on Tuesday. Drivers were told to use the tunnel.

        Snowploughs will work through the night, the canton said.
        """

    @Test func outputRecord() throws {
        var w = JSONWriter()
        w.beginObject()
        w.key("id")
        w.string("s1")
        w.key("source")
        w.string("wire")
        w.key("language")
        w.string("en")
        w.key("metadata")
        w.value(.object([(key: "feed", value: .string("alps"))]))
        w.key("text")
        w.string(Self.story)
        w.endObject()
        let result = ArticlePipeline().process(w.bytes, context: context)
        guard case .output(let id, let json, let language, let source) = result else {
            Issue.record("expected output, got \(result)")
            return
        }
        #expect(id == "s1" && language == "en" && source == "wire")
        let value = try JSONReader.parse(json)
        #expect(value["schema"]?.stringValue == "enrichd.article/1")
        #expect(value["worker"]?.stringValue == "w1")
        #expect(value["received_at"]?.stringValue == "2026-11-25T10:00:00.000Z")
        #expect(value["metadata"]?["feed"]?.stringValue == "alps")
        #expect(value["article"]?["title"]?.stringValue == "Storm closes mountain pass")
        #expect(value["article"]?["dateline"]?["agency"]?.stringValue == "Alpwire")
        #expect(value["enrichment"]?["stats"]?["sentences"]?.intValue == 3)
        #expect(value["enrichment"]?["stats"]?["paragraphs"]?.intValue == 2)
        #expect((value["processing_us"]?.intValue ?? -1) >= 0)
    }

    @Test func rawTextGetsHashID() throws {
        let bytes = payload(Self.story)
        guard case .output(let id, _, _, _) = ArticlePipeline().process(bytes, context: context),
            case .output(let again, _, _, _) = ArticlePipeline().process(bytes, context: context)
        else {
            Issue.record("expected output")
            return
        }
        #expect(id.hasPrefix("h:") && id.utf8.count == 18)
        #expect(id == again)
    }

    @Test func passThroughHasNoStats() throws {
        guard
            case .output(_, let json, _, _) = ArticlePipeline.passThrough.process(
                payload(#"{"body":"x"}"#),
                context: context
            )
        else {
            Issue.record("expected output")
            return
        }
        let value = try JSONReader.parse(json)
        #expect(value["enrichment"] == .object([]))
        #expect(value["article"]?["body"]?.stringValue == "x")
    }

    @Test(arguments: [
        (#"{"text": 5}"#, "wrong_type", "decode"),
        ("{nope", "invalid_json", "decode"),
        ("", "empty", "decode"),
        (#"{"id":"e1","body":"   "}"#, "empty_body", "parse"),
        (#"{"id":"e2","html":"<script>x()</script>"}"#, "empty_body", "parse"),
    ])
    func deadLetters(text: String, reason: String, stage: String) throws {
        let result = ArticlePipeline().process(payload(text), context: context)
        guard case .deadLetter(let r, let s, let json) = result else {
            Issue.record("expected dead letter")
            return
        }
        #expect(r == reason && s == stage)
        let value = try JSONReader.parse(json)
        #expect(value["schema"]?.stringValue == "enrichd.deadletter/1")
        #expect(value["reason"]?.stringValue == reason)
        #expect(value["stage"]?.stringValue == stage)
        #expect(value["payload"]?.stringValue == text)
        #expect(value["topic"]?.stringValue == "in")
    }

    @Test func invalidUTF8DeadLetterUsesBase64() throws {
        let bytes: [UInt8] = [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]
        guard case .deadLetter(let reason, let stage, let json) = ArticlePipeline().process(bytes, context: context)
        else {
            Issue.record("expected dead letter")
            return
        }
        #expect(reason == "invalid_utf8" && stage == "decode")
        let value = try JSONReader.parse(json)
        #expect(value["payload_base64"]?.stringValue == "eyJ0ZXh0Ijoi/yJ9")
        #expect(value["payload_bytes"]?.intValue == 12)
        #expect(value["payload"] == nil)
    }

    @Test func enricherFailureIsDeadLettered() throws {
        let pipeline = ArticlePipeline(enrichers: [TextStatsEnricher(), FailingEnricher()])
        guard
            case .deadLetter(let reason, let stage, let json) = pipeline.process(
                payload(#"{"id":"k","body":"b"}"#),
                context: context
            )
        else {
            Issue.record("expected dead letter")
            return
        }
        #expect(reason == "enrichment_failed" && stage == "enrich")
        #expect(try JSONReader.parse(json)["id"]?.stringValue == "k")
    }

    @Test func decodeErrorKeepsEnvelopeID() throws {
        guard
            case .deadLetter(_, _, let json) = ArticlePipeline().process(
                payload(#"{"id":"q7","text":[]}"#),
                context: context
            )
        else {
            Issue.record("expected dead letter")
            return
        }
        #expect(try JSONReader.parse(json)["id"]?.stringValue == "q7")
    }
}

@Suite("Stage timings")
struct StageTimingsTests {
    @Test func stagesThatRanAreTimedAndLaterOnesStayZero() {
        let pipeline = ArticlePipeline()
        var timings = StageTimings()
        let good = Array("{\"id\":\"t1\",\"body\":\"The council met on Monday. It agreed.\"}".utf8)
        guard case .output = pipeline.process(good, context: ProcessingContext(worker: "w"), timings: &timings) else {
            Issue.record("expected an output")
            return
        }
        #expect(timings.decode > .zero)
        #expect(timings.parse > .zero)
        #expect(timings.encode > .zero)

        var failed = StageTimings()
        let bad = Array("{\"id\":\"t2\",\"body\":7}".utf8)
        guard
            case .deadLetter(let reason, let stage, _) = pipeline.process(
                bad, context: ProcessingContext(worker: "w"), timings: &failed)
        else {
            Issue.record("expected a dead letter")
            return
        }
        #expect(reason == "wrong_type" && stage == "decode")
        #expect(failed.decode > .zero)
        #expect(failed.parse == .zero && failed.enrich == .zero)
        #expect(failed.encode > .zero)
    }
}

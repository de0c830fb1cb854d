import Articles
import FoundationEssentials
import Testing

@Suite struct OutputTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_795_600_800.123, "2026-11-25T10:00:00.123Z"),
        (951_782_400.999, "2000-02-29T00:00:00.999Z"),
        (-1.5, "1969-12-31T23:59:58.500Z"),
    ])
    func timestamps(seconds: Double, expected: String) {
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func contentHash() {
        #expect(ContentHash.fnv1a64Hex([]) == "cbf29ce484222325")
        #expect(ContentHash.fnv1a64Hex(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(ContentHash.id(for: Array("x".utf8)) == ContentHash.id(for: Array("x".utf8)))
    }

    @Test func outputRecordShape() throws {
        let article = Article(
            url: "https://e.x",
            title: "T",
            highlights: ["h"],
            dateline: Dateline(location: "Oslo", agency: "NW", text: "Oslo NW -"),
            authors: ["A B"],
            contributors: ["C D"],
            publishedAt: nil,
            language: "en",
            body: "Body \"quoted\".",
            media: [MediaItem(kind: .video, text: "v", durationSeconds: 61, credit: "CNN")],
            removed: [RemovedBlock(kind: "teaser", text: "t")]
        )
        let record = OutputRecord(
            id: "a1",
            receivedAt: Date(timeIntervalSince1970: 0),
            processedAt: Date(timeIntervalSince1970: 1),
            processingMicroseconds: 12,
            worker: "w1",
            source: nil,
            metadata: .object([(key: "k", value: .number(1))]),
            article: article,
            enrichment: Enrichments(
                stats: TextStats(characters: 1, words: 2, sentences: 3, paragraphs: 4, readingTimeSeconds: 5)
            )
        )
        let json = record.encodeJSON()
        #expect(json.last == UInt8(ascii: "}"))
        let value = try JSONReader.parse(json)
        #expect(
            value.objectValue?.map(\.key) == [
                "schema", "id", "received_at", "processed_at", "processing_us", "worker", "source", "metadata",
                "article",
                "enrichment",
            ]
        )
        #expect(value["schema"]?.stringValue == "enrichd.article/1")
        #expect(value["processed_at"]?.stringValue == "1970-01-01T00:00:01.000Z")
        #expect(value["source"] == .null)
        let a = try #require(value["article"])
        #expect(
            a.objectValue?.map(\.key) == [
                "url", "title", "highlights", "dateline", "authors", "contributors", "published_at", "language", "body",
                "media",
                "removed",
            ]
        )
        #expect(a["body"]?.stringValue == "Body \"quoted\".")
        #expect(a["dateline"]?["agency"]?.stringValue == "NW")
        #expect(a["media"]?[0]?["duration_s"]?.intValue == 61)
        #expect(a["media"]?[0]?["file_name"] == .null)
        #expect(value["enrichment"]?["stats"]?["reading_time_s"]?.intValue == 5)
    }

    @Test func deadLetterUTF8Payload() throws {
        let letter = DeadLetter(
            id: nil,
            reason: "invalid_json",
            stage: DeadLetter.Stage.decode,
            message: "m",
            receivedAt: Date(timeIntervalSince1970: 0),
            worker: "w",
            topic: Array("articles".utf8),
            payload: Array("{bad".utf8)
        )
        let value = try JSONReader.parse(letter.encodeJSON())
        #expect(value["payload"]?.stringValue == "{bad")
        #expect(value["payload_base64"] == nil)
        #expect(value["payload_bytes"]?.intValue == 4)
        #expect(value["topic"]?.stringValue == "articles")
        #expect(value["id"] == .null)
    }

    @Test func deadLetterBinaryPayloadAndTruncation() throws {
        let letter = DeadLetter(
            reason: "invalid_utf8",
            stage: "decode",
            message: "m",
            receivedAt: Date(timeIntervalSince1970: 0),
            worker: "w",
            topic: [0xFF],
            payload: [0x66, 0x6F, 0xFF, 0x00, 0x62]
        )
        let value = try JSONReader.parse(letter.encodeJSON())
        #expect(value["payload_base64"]?.stringValue == "Zm//AGI=")
        #expect(value["payload"] == nil)
        #expect(value["topic_base64"]?.stringValue == "/w==")
        let cut = try JSONReader.parse(letter.encodeJSON(maxPayloadBytes: 2))
        #expect(cut["payload"]?.stringValue == "fo")
        #expect(cut["payload_bytes"]?.intValue == 5)
        #expect(cut["payload_truncated"] == .bool(true))
    }
}

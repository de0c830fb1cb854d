import Articles
import Testing

@Suite struct EnvelopeTests {
    private func decode(_ text: String) throws(EnvelopeError) -> Envelope { try Envelope.decode(Array(text.utf8)) }

    @Test func fullEnvelope() throws {
        let envelope = try decode(
            #"{"id":"a1","url":"https://e.x/1","source":"feed","title":"T","published_at":"2026-01-02T03:04:05Z","#
                + #""language":"en","metadata":{"k":[1,"v"]},"text":"Body text.","extra":{"ignored":true}}"#
        )
        #expect(envelope.id == "a1")
        #expect(envelope.url == "https://e.x/1")
        #expect(envelope.source == "feed")
        #expect(envelope.title == "T")
        #expect(envelope.publishedAt == "2026-01-02T03:04:05Z")
        #expect(envelope.language == "en")
        #expect(envelope.metadata == .object([(key: "k", value: .array([.number(1), .string("v")]))]))
        #expect(envelope.content == .text("Body text."))
    }

    @Test func contentKinds() throws {
        #expect(try decode(#"{"html":"<p>x</p>"}"#).content == .html("<p>x</p>"))
        #expect(try decode(#"{"body":"b","text":null}"#).content == .body("b"))
        #expect(try decode(#"{"id": 42, "text":"t"}"#).id == "42")
        #expect(try decode(#"{"title": null, "text":"t"}"#).title == nil)
    }

    @Test func rawTextAndHTMLPayloads() throws {
        #expect(try decode("  Plain text story.\n").content == .text("Plain text story.\n"))
        #expect(try decode("\u{FEFF}{\"text\":\"bom\"}").content == .text("bom"))
        #expect(try decode("<!DOCTYPE html><p>x</p>").content == .html("<!DOCTYPE html><p>x</p>"))
        let latin1: [UInt8] = Array("<html><p>Caf".utf8) + [0xE9] + Array("</p></html>".utf8)
        #expect(try Envelope.decode(latin1).content == .html("<html><p>Café</p></html>"))
    }

    @Test(arguments: [
        ("", EnvelopeError.Code.empty, nil as String?),
        (" \n\t ", .empty, nil),
        ("{\"text\": 5}", .wrongType, "text"),
        ("{\"title\": [], \"text\": \"x\"}", .wrongType, "title"),
        ("{\"id\": {}, \"text\": \"x\"}", .wrongType, "id"),
        ("{\"url\": true, \"body\": \"x\"}", .wrongType, "url"),
        ("{\"id\": \"x\"}", .missingContent, nil),
        ("{\"text\": null}", .missingContent, nil),
        ("{\"text\": \"a\", \"html\": \"b\"}", .conflictingContent, nil),
        ("{\"text\": \"a\",}", .invalidJSON, nil),
        ("{\"text\": \"a\"} trailing", .invalidJSON, nil),
        ("[1, 2]", .notAnObject, nil),
        ("text with \u{0} nul", .binary, nil),
    ])
    func errors(payload: String, code: EnvelopeError.Code, field: String?) {
        do {
            _ = try decode(payload)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.field == field)
            #expect(!error.description.isEmpty)
        }
    }

    @Test func errorCarriesIDWhenKnown() {
        #expect(throws: Never.self) { _ = try? decode("{\"id\":\"z9\",\"text\":1}") }
        do {
            _ = try decode("{\"id\":\"z9\",\"text\":1}")
        } catch {
            #expect(error.envelopeID == "z9")
        }
    }

    @Test func invalidUTF8() {
        for payload: [UInt8] in [[0x61, 0xFF, 0x62], Array("{\"text\":\"a".utf8) + [0xC3, 0x28] + Array("\"}".utf8)] {
            #expect(throws: EnvelopeError.self) { try Envelope.decode(payload) }
            do { _ = try Envelope.decode(payload) } catch { #expect(error.code == .invalidUTF8) }
        }
    }

    @Test func mostlyControlBytesAreBinary() {
        let payload: [UInt8] = Array(repeating: 0x01, count: 50) + Array("some text".utf8)
        do {
            _ = try Envelope.decode(payload)
            Issue.record("expected binary")
        } catch { #expect(error.code == .binary) }
    }

    @Test func tooLarge() {
        let payload = [UInt8](repeating: 0x61, count: 2048)
        do {
            _ = try Envelope.decode(payload, limits: EnvelopeLimits(maxBytes: 1024))
            Issue.record("expected too_large")
        } catch {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func depthBomb() {
        let payload = Array(("{\"metadata\":" + String(repeating: "[", count: 50_000)).utf8)
        do {
            _ = try Envelope.decode(payload)
            Issue.record("expected invalid_json")
        } catch { #expect(error.code == .invalidJSON) }
    }

    @Test func codesAreStableSnakeCase() {
        let codes: [EnvelopeError.Code] = [
            .empty, .tooLarge, .invalidUTF8, .binary, .invalidJSON, .notAnObject, .wrongType, .missingContent,
            .conflictingContent,
        ]
        #expect(
            codes.map(\.rawValue) == [
                "empty", "too_large", "invalid_utf8", "binary", "invalid_json", "not_an_object", "wrong_type",
                "missing_content", "conflicting_content",
            ]
        )
    }
}

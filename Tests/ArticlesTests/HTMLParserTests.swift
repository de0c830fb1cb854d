import Articles
import Testing

@Suite struct HTMLParserTests {
    @Test func metadataAndBody() throws {
        let article = try HTMLParser().parse(Fixtures.page)
        #expect(article.title == "Harbour reopens after storm repairs")
        #expect(article.url == "https://example.com/harbour-reopens")
        #expect(article.authors == ["Ines Duarte"])
        #expect(article.publishedAt == "2026-03-02T08:15:00Z")
        #expect(article.language == "en-GB")
        #expect(
            article.body == """
                The harbour in Porto Velho reopened on Monday after three weeks of repairs.

                Fishing boats returned within hours, the port authority said.

                Trade is expected to recover.
                """
        )
    }

    @Test func envelopeFieldsWin() throws {
        let envelope = Envelope(url: "https://example.org/x", title: "Mine", content: .html(""))
        let article = try HTMLParser().parse(Fixtures.page, envelope: envelope)
        #expect(article.title == "Mine")
        #expect(article.url == "https://example.org/x")
    }

    @Test func titleElementWithoutOpenGraph() throws {
        let article = try HTMLParser().parse(
            "<html><head><title> Plain\n title </title></head><body><p>Text here.</p></body></html>"
        )
        #expect(article.title == "Plain title")
        #expect(article.body == "Text here.")
    }

    @Test func mainThenBodyFallback() throws {
        let main = try HTMLParser().parse("<body><div>Menu</div><main><p>Inside main.</p></main></body>")
        #expect(main.body == "Inside main.")
        let body = try HTMLParser().parse("<p>One &amp; two</p><p>Three&nbsp;four</p><script>x()</script>")
        #expect(body.body == "One & two\n\nThree four")
    }

    @Test func windows1252Bytes() throws {
        // "Café – “quoted”" in Windows-1252, declared in a meta tag.
        var bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf".utf8)
        bytes += [0xE9, 0x20, 0x96, 0x20, 0x93] + Array("quoted".utf8) + [0x94]
        bytes += Array("</p></body></html>".utf8)
        let article = try HTMLParser().parse(bytes: bytes)
        #expect(article.body == "Café – “quoted”")
    }

    @Test func utf8StringIgnoresDeclaredCharset() throws {
        let article = try HTMLParser().parse(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>Café – ok</p>"
        )
        #expect(article.body == "Café – ok")
    }

    @Test func malformedMarkupRecovers() throws {
        let article = try HTMLParser().parse(
            "<html><body><p>Open <b>bold <i>both</p><div>Next</span></td> block<p>Last"
        )
        #expect(article.body.contains("Open bold both"))
        #expect(article.body.contains("Last"))
    }

    @Test(arguments: [5_000, 100_000])
    func deepNestingDoesNotCrash(depth: Int) throws {
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth)
        _ = try? HTMLParser().parse(html)
    }

    @Test func largePageDoesNotCrash() throws {
        let paragraph = "<p>" + String(repeating: "word ", count: 200) + "</p>\n"
        let html = "<html><body><article>" + String(repeating: paragraph, count: 10_000) + "</article></body></html>"
        #expect(html.utf8.count > 10_000_000)
        let article = try HTMLParser().parse(html)
        #expect(article.body.utf8.count > 9_000_000)
    }

    @Test(arguments: ["", "   ", "<html></html>", "<script>only()</script>"])
    func emptyPagesThrow(html: String) {
        #expect(throws: ParseError.self) { try HTMLParser().parse(html) }
    }
}

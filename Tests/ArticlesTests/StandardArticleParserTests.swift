import Articles
import Testing

@Suite struct StandardArticleParserTests {
    @Test func bodyIsTakenUnchanged() throws {
        let body = "  Story highlights\n\nLine one.\r\n03:12 - Source: CNN\n\u{200B}Read More  "
        let envelope = Envelope(
            id: "b1",
            url: "u",
            title: "T",
            publishedAt: "2026-01-02",
            language: "en",
            content: .body(body)
        )
        let article = try StandardArticleParser().parse(envelope)
        #expect(article.body == body)
        #expect(article.title == "T")
        #expect(article.url == "u")
        #expect(article.publishedAt == "2026-01-02")
        #expect(article.media.isEmpty && article.removed.isEmpty && article.highlights.isEmpty)
    }

    @Test func emptyBodyThrows() {
        #expect(throws: ParseError.self) { try StandardArticleParser().parse(Envelope(content: .body(" \n "))) }
    }

    @Test func dispatchesTextAndHTML() throws {
        let text = try StandardArticleParser().parse(Envelope(content: .text(Fixtures.floodStory)))
        #expect(text.body == Fixtures.floodBody)
        let html = try StandardArticleParser().parse(Envelope(content: .html(Fixtures.page)))
        #expect(html.title == "Harbour reopens after storm repairs")
    }
}

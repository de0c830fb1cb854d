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

    @Test func pagesThatAreNoArticleAreRejected() throws {
        let botCheck = """
            We've detected unusual activity from your computer network

            To continue, please click the box below to let us know you're not a robot.

            Why did this happen?

            Please make sure your browser supports JavaScript and cookies.
            """
        let menu = """
            Help Centre
            Getting Started Creating an Account Your Profile Settings Messages Photos and Videos Groups Events \
            Pages Payments Marketplace Privacy Safety Accessibility Mobile Apps Account Recovery
            Managing Your Account
            """
        for (name, text) in [("bot check", botCheck), ("menu", menu)] {
            do {
                _ = try StandardArticleParser().parse(Envelope(content: .text(text)))
                Issue.record("\(name) parsed as an article")
            } catch {
                #expect(error.code == .notArticle, "\(name)")
            }
        }
        let page = "<html><body><h1>Page not found</h1><p>The page you requested could not be found.</p></body></html>"
        do {
            _ = try StandardArticleParser().parse(Envelope(content: .html(page)))
            Issue.record("a missing page parsed as an article")
        } catch {
            #expect(error.code == .notArticle)
        }
        // A brief about an outage that quotes an error page deep in its text is news.
        let outage = """
            Payments app down for hours

            Customers of a payments app were unable to send money for four hours on Tuesday after a faulty \
            update, the company said. It apologised and said no money had been lost. Users who tried to log \
            in saw an error page reading "access denied" until engineers rolled the update back at 3 p.m.
            """
        #expect(try StandardArticleParser().parse(Envelope(content: .text(outage))).body.contains("access denied"))
        // A long capitals headline, a results table and a body the sender vouches for stay articles.
        for text in [
            "CORRECTED - ACME GENERAL INC RAISES ANNUAL DIVIDEND AND SETS STOCK SPLIT (CORRECTS TO SHOW RAISE IN ANNUAL DIVIDEND, NOT QUARTERLY)",
            "ACME <ACM> SETS PAYOUT\n\nQtly div 48 cts vs 44 cts prior\n    Pay May One\n    Record April One\n Reuter",
        ] {
            #expect(try StandardArticleParser().parse(Envelope(content: .text(text))).body.isEmpty == false)
        }
        #expect(try StandardArticleParser().parse(Envelope(content: .body(menu))).body == menu)
    }
}

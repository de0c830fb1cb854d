import Articles
import Testing

@Suite struct HTMLContentTests {
    @Test func storyTextWithoutClutter() throws {
        let article = try HTMLParser().parse(HTMLFixtures.ferryPage)
        #expect(article.body == HTMLFixtures.paragraphs.joined(separator: "\n\n"))
        for clutter in ["Most read", "windy morning", "Share on", "Related", "Finally", "rights reserved", "By Ola"] {
            #expect(!article.body.contains(clutter), "\(clutter)")
        }
    }

    @Test func metadataFromJSONLDAndHead() throws {
        let article = try HTMLParser().parse(HTMLFixtures.ferryPage)
        #expect(article.title == "Island ferry to run every half hour from June")
        #expect(article.authors == ["Ola Strand", "Siri Holm"])
        #expect(article.publishedAt == "2026-05-14T09:30:00+02:00")
        #expect(article.url == "https://post.example/ferry-half-hour")
        #expect(article.language == "nb")
    }

    @Test func chunkedStoryIsReassembled() throws {
        let article = try HTMLParser().parse(HTMLFixtures.chunkedPage)
        #expect(article.body == HTMLFixtures.paragraphs.joined(separator: "\n\n"))
        #expect(!article.body.contains("Advertisement"))
        #expect(article.title == "Ferry plan")
        #expect(article.publishedAt == "2026-05-14")
    }

    @Test(arguments: [
        ("Tue, 12 May 2026 04:12:00 GMT", "2026-05-12T04:12:00Z"),
        ("May 12, 2026", "2026-05-12"),
        ("12 September 2026", "2026-09-12"),
        ("2026/05/12", "2026-05-12"),
        ("2026-05-12 08:00:00", "2026-05-12T08:00:00"),
        ("20260512", "2026-05-12"),
        ("05/12/2026", "2026-05-12"),
        ("2026年5月12日", "2026-05-12"),
    ])
    func publicationDatesAreNormalised(raw: String, iso: String) throws {
        let page =
            "<html><head><meta property=\"article:published_time\" content=\"\(raw)\"></head>"
            + "<body><p>\(HTMLFixtures.paragraphs[0])</p></body></html>"
        #expect(try HTMLParser().parse(page).publishedAt == iso)
    }

    @Test func bylineAuthorsAreCleaned() throws {
        let page = """
            <html><head><meta name="author" content="By Ana Lima, Tomas Berg and Eva Rask, AP"></head>
            <body><p>\(HTMLFixtures.paragraphs[0])</p></body></html>
            """
        #expect(try HTMLParser().parse(page).authors == ["Ana Lima", "Tomas Berg", "Eva Rask"])
    }

    @Test func metaAndJSONLDAuthorsAreJoinedAndSpacesNormalised() throws {
        let page = """
            <html><head><meta name="author" content="Rui\u{00A0}Costa">
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Lima"}]}</script>
            </head><body><p>\(HTMLFixtures.paragraphs[0])</p></body></html>
            """
        #expect(try HTMLParser().parse(page).authors == ["Ana Lima", "Rui Costa"])
    }

    @Test(arguments: [
        // An <h1> equal to a part of <title> wins.
        ("Ferry strike ends | Harbour News", "Why the strike ended", "Ferry strike ends", "Ferry strike ends"),
        // An <h1> that og:title confirms wins over the <title>.
        ("Strike over: ferries back | Harbour News", "Ferries sail again after strike", "Ferries sail again after strike",
         "Ferries sail again after strike"),
        // Otherwise the <title> without its site name beats the social variant.
        ("Ferry strike ends after two weeks | Harbour News", "You won't believe how the strike ended", "",
         "Ferry strike ends after two weeks"),
        // A <title> that is only the site name does not.
        ("Harbour News", "Ferry strike ends after two weeks", "", "Ferry strike ends after two weeks"),
    ])
    func titleChoice(title: String, openGraph: String, heading: String, expected: String) throws {
        let page = """
            <html><head><title>\(title)</title><meta property="og:title" content="\(openGraph)"></head>
            <body><article><h1>\(heading)</h1><p>\(HTMLFixtures.paragraphs[0])</p></article></body></html>
            """
        #expect(try HTMLParser().parse(page).title == expected)
    }

    @Test func leftOutContentIsRecorded() throws {
        let page = """
            <html><body><article>
            <p>\(HTMLFixtures.paragraphs[0])</p>
            <figure><img src="https://cdn.example.com/img/ferry-dock_0042.jpg?w=800" alt="The ferry at the dock">
            <figcaption>Ferries wait at the dock on Monday.</figcaption></figure>
            <img src="https://t.example.com/pixel.gif" width="1" height="1">
            <div class="share-tools"><a href="/s/1">Share on Facebook</a> <a href="/s/2">Share by e-mail</a></div>
            <div>03:15 - Source: Harbour TV</div>
            <p>\(HTMLFixtures.paragraphs[1])</p>
            </article></body></html>
            """
        let article = try HTMLParser().parse(page)
        #expect(!article.body.contains("Ferries wait"))
        #expect(!article.body.contains("Share on"))
        #expect(article.media.contains(MediaItem(kind: .image, text: "The ferry at the dock", fileName: "ferry-dock_0042.jpg")))
        #expect(article.media.contains(MediaItem(kind: .caption, text: "Ferries wait at the dock on Monday.")))
        #expect(article.media.contains(MediaItem(kind: .video, text: "", durationSeconds: 195, credit: "Harbour TV")))
        #expect(!article.media.contains { $0.fileName == "pixel.gif" })
        #expect(article.removed.contains { $0.text == "Share on Facebook Share by e-mail" })
    }

    @Test func languageComesFromTheBodyInTheStandardParser() throws {
        // The page declares Norwegian; the story is English.
        let article = try StandardArticleParser().parse(Envelope(content: .html(HTMLFixtures.ferryPage)))
        #expect(article.language == "en")
    }

    @Test func malformedJSONLDIsIgnored() throws {
        let page = """
            <html><head><title>Plain headline here | Site</title>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script></head>
            <body><h1>Plain headline here</h1><p>\(HTMLFixtures.paragraphs[1])</p></body></html>
            """
        let article = try HTMLParser().parse(page)
        #expect(article.title == "Plain headline here")
        #expect(article.body == HTMLFixtures.paragraphs[1])
    }
}

@Suite struct RawTextTimestampTests {
    static let story = [
        "Lighthouse keeper retires after forty years",
        "By ANNA FJELL and Per Lund for The Coast Weekly",
        "PUBLISHED: 12:30 EST, 5 May 2013 | UPDATED: 14:02 EST, 6 May 2013",
        "The last keeper of the Skarvik light climbed its 112 steps for the final time on Sunday, ending a "
            + "career that began when the lamp still burned paraffin.",
        "Her duties will pass to an automatic beacon, installed last year, which the coast authority says "
            + "needs a visit only twice a year.",
    ].joined(separator: "\n\n")

    @Test func publishedLineAndCapitalisedByline() throws {
        let article = try RawTextParser().parse(Self.story)
        #expect(article.publishedAt == "2013-05-05T12:30:00-05:00")
        #expect(article.authors == ["Anna Fjell", "Per Lund"])
        #expect(!article.body.contains("PUBLISHED"))
    }

    @Test func updatedLineWithTwoZones() throws {
        let text = Self.story.replacing(
            "PUBLISHED: 12:30 EST, 5 May 2013 | UPDATED: 14:02 EST, 6 May 2013",
            with: "Updated 0412 GMT (1212 HKT) February 12, 2016"
        )
        #expect(try RawTextParser().parse(text).publishedAt == "2016-02-12T04:12:00Z")
    }

    @Test func envelopeTimeWins() throws {
        let envelope = Envelope(publishedAt: "2020-01-01T00:00:00Z", content: .text(""))
        #expect(try RawTextParser().parse(Self.story, envelope: envelope).publishedAt == "2020-01-01T00:00:00Z")
    }
}

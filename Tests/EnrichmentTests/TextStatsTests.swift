import Articles
import Enrichment
import Testing

@Suite struct TextStatsTests {
    @Test func knownText() {
        let text =
            "Mr. Okafor met Dr. Lin in the U.S. capital on Jan. 5. They talked for an hour!\n\n"
            + "“Was it useful?” she asked. J. K. Rowling wasn't there — nor was the co-author.\n\n\n"
            + "Café owners in São Paulo agreed."
        let stats = TextStatsEnricher.stats(of: text)
        #expect(stats.paragraphs == 3)
        #expect(stats.sentences == 5)
        #expect(stats.words == 37)
        #expect(stats.characters == text.unicodeScalars.count)
        #expect(stats.readingTimeSeconds == 10)  // 37 words at 238 wpm, rounded up
    }

    @Test func empty() {
        #expect(
            TextStatsEnricher.stats(of: "")
                == TextStats(characters: 0, words: 0, sentences: 0, paragraphs: 0, readingTimeSeconds: 0)
        )
        #expect(TextStatsEnricher.stats(of: "Hi").readingTimeSeconds == 1)
    }

    @Test func enricherSetsStats() throws {
        var result = Enrichments()
        try TextStatsEnricher().enrich(Article(body: "One. Two."), into: &result)
        #expect(result.stats?.sentences == 2)
        #expect(TextStatsEnricher().name == "text_stats")
    }

    @Test(arguments: [
        ("He left. She stayed.", ["He left.", "She stayed."]),
        ("Mr. Smith went to Washington. He stayed.", ["Mr. Smith went to Washington.", "He stayed."]),
        ("It rained in the U.S. The roads flooded.", ["It rained in the U.S.", "The roads flooded."]),
        ("The U.S. Navy sailed.", ["The U.S. Navy sailed."]),
        ("See No. 5 on the list. Done.", ["See No. 5 on the list.", "Done."]),
        ("“Go!” he said. “Now.” Then silence.", ["“Go!” he said.", "“Now.”", "Then silence."]),
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("Price rose 2.5 percent. Shares fell.", ["Price rose 2.5 percent.", "Shares fell."]),
    ])
    func sentences(text: String, expected: [String]) {
        #expect(SentenceBoundaries.sentences(in: text).map(String.init) == expected)
    }
}

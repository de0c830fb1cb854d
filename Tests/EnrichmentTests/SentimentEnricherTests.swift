import Articles
@testable import Enrichment
import Testing

@Suite struct SentimentEnricherTests {
    private func sentiment(_ body: String) throws -> Sentiment {
        let article = Article(body: body)
        var result = Enrichments()
        try EntityEnricher.builtIn.enrich(article, into: &result)
        try SentimentEnricher().enrich(article, into: &result)
        return try #require(result.sentiment)
    }

    private func score(_ sentence: String) -> Double {
        SentimentEnricher().score(of: sentence, targets: [0..<1])
    }

    @Test func negationIntensifiersAndContrast() {
        #expect(score("The result was good.") > 0)
        #expect(score("The result was not good.") < 0)
        #expect(score("The result was very good.") > score("The result was good."))
        #expect(score("The result was good, but the cost was terrible.") < 0)
        #expect(score("The meeting took place on Tuesday.") == 0)
    }

    @Test func longArticlesDoNotSaturate() throws {
        let sentence = "Rebels attacked the town and killed several people. "
        let long = try sentiment(String(repeating: sentence, count: 200))
        #expect(long.score > -0.9)
        #expect(long.label == "negative")
        #expect(long.negative > 0 && long.positive == 0)
        #expect(abs(long.tone - (long.positive - long.negative)) < 0.01)
        #expect(abs(long.polarity - (long.positive + long.negative)) < 0.01)
    }

    @Test func perEntityToneFollowsItsSentences() throws {
        let found = try sentiment(
            "Maria Lopez praised the excellent new hospital and thanked the wonderful staff. "
                + "Critics attacked John Carter over the terrible delays and the failed budget.")
        let tones = Dictionary(found.entities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(tones["Maria Lopez"]?.label == "positive")
        #expect(tones["John Carter"]?.label == "negative")
    }

    @Test func emptyBody() throws {
        let found = try sentiment("")
        #expect(found.words == 0 && found.score == 0 && found.label == "neutral")
    }
}

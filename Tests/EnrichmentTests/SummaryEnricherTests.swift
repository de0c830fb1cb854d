import Articles
@testable import Enrichment
import Testing

@Suite struct SummaryEnricherTests {
    private let body = """
        The city council of Riverside voted on Tuesday to run night buses on four routes from March, ending a \
        two-year campaign by shift workers and students.

        The plan will cost 2.4 million dollars a year and is paid for by a parking levy approved last spring.

        "We heard from nurses who walked home at three in the morning," said council member Dana Ortiz, who \
        led the campaign. "This is for them."

        Photo by staff.

        Opponents said the levy would hurt shops in the old town. The council promised to review the routes \
        after six months and publish ridership figures every quarter.

        Bus drivers will be hired in January, the transit agency said, and the first routes will link the \
        hospital, the university and the rail station.
        """

    private func summary(_ body: String, count: Int = 3) throws -> [SummarySentence] {
        let article = Article(title: "Riverside approves night buses", body: body)
        var result = Enrichments()
        try EntityEnricher.builtIn.enrich(article, into: &result)
        try SummaryEnricher(sentenceCount: count).enrich(article, into: &result)
        return try #require(result.summary)
    }

    @Test func picksWholeSentencesInArticleOrder() throws {
        let picked = try summary(body)
        #expect(picked.count == 3)
        #expect(picked.map(\.start) == picked.map(\.start).sorted())
        let scalars = Array(body.unicodeScalars)
        for sentence in picked {
            #expect(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])) == sentence.text)
            #expect(sentence.text.split(separator: " ").count >= 6)
        }
        // The lead is summary-worthy; the caption and the quote fragments are never candidates.
        #expect(picked[0].text.hasPrefix("The city council of Riverside"))
        #expect(!picked.contains { $0.text.contains("Photo by") || $0.text == "\"This is for them.\"" })
    }

    @Test func sentenceCountIsConfigurable() throws {
        #expect(try summary(body, count: 1).count == 1)
        #expect(try summary(body, count: 5).count == 5)
        #expect(try summary(body, count: 0).isEmpty)
    }

    @Test func unbalancedQuotesAreFragments() {
        let sentences = SummarySentences(
            Article(body: "\"We will not stop until the bridge is rebuilt and the road reopens to all traffic. Nor will our partners in the region,\" she said."),
            entities: []
        ).sentences
        #expect(sentences.isEmpty)
    }

    @Test func emptyAndHeadlineOnlyArticlesHaveNoSummary() throws {
        #expect(try summary("").isEmpty)
        let article = Article(title: "Night buses approved", body: "")
        var result = Enrichments()
        try SummaryEnricher().enrich(article, into: &result)
        #expect(result.summary == [])
    }

    @Test func featuresMatchTheirNames() {
        let sentences = SummarySentences(Article(body: body), entities: []).sentences
        #expect(!sentences.isEmpty)
        #expect(sentences.allSatisfy { $0.features.count == SummarySentences.names.count })
        #expect(SummaryWeights.weights.count == SummarySentences.names.count)
        #expect(sentences[0].features[1] == 1)  // pos0
        #expect(sentences.allSatisfy { $0.features[10] >= 0 && $0.features[10] <= 1 })  // centrality
    }

    @Test func numbersAloneAreNotSentences() {
        let body = "12 34 56 78 90 11 12 13.\n\n2024 2025 2026 2027 2028 2029 2030."
        #expect(SummarySentences(Article(body: body), entities: []).sentences.isEmpty)
    }
}

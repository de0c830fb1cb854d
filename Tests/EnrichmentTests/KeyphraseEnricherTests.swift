import Articles
@testable import Enrichment
import Testing

@Suite struct KeyphraseEnricherTests {
    private func keyphrases(_ body: String, title: String? = nil, max: Int = 10) throws -> [Keyphrase] {
        let article = Article(title: title, body: body)
        var result = Enrichments()
        try EntityEnricher.builtIn.enrich(article, into: &result)
        try KeyphraseEnricher(maxCount: max).enrich(article, into: &result)
        return try #require(result.keywords)
    }

    private let story = """
        Russian warplanes struck rebel positions near the port of Latakia on Friday, the defence ministry said. \
        The Russian warplanes flew more than forty sorties over the coastal province.

        Syrian officials said the strikes hit fuel depots used by the rebels. Syria has asked Moscow for more \
        air support, and Russian officials said the sorties would continue.

        Aid groups said thousands of families had fled the coastal villages toward the Turkish border.
        """

    @Test func ranksContentPhrasesAndFoldsRepeats() throws {
        let found = try keyphrases(story, title: "Russian warplanes strike near Latakia")
        let texts = found.map(\.text)
        #expect(found.count >= 5 && found.count <= 10)
        #expect(texts.contains("Russian warplanes"))
        #expect(texts.contains("Latakia"))
        // Every occurrence of "warplanes" is inside "Russian warplanes": not a phrase of its own.
        #expect(!texts.contains("warplanes"))
        // A country and its demonym count once.
        #expect(!(texts.contains("Syria") && texts.contains("Syrian")))
        // Stop words, reporting verbs and days never come out.
        #expect(!texts.contains { ["said", "Friday", "the", "more"].contains($0) })
        #expect(found[0].score == 1)
        #expect(found.allSatisfy { $0.score > 0 && $0.score <= 1 && $0.count >= 1 })
        #expect(found.map(\.score) == found.map(\.score).sorted(by: >))
    }

    @Test func sortiesFoldPlurals() throws {
        let found = try keyphrases("The sortie was the first. Two more sorties followed, and a third sortie came at dawn.")
        #expect(found.first { $0.text.lowercased().hasPrefix("sortie") }?.count == 3)
    }

    @Test func symbolsAndEmojiAreNotKeyphrases() throws {
        let found = try keyphrases("🔥🔥 Fans cheered 🔥🔥 as the harbour festival opened — fireworks lit the harbour 🎆 again.")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.text.unicodeScalars.first!.properties.isAlphabetic })
    }

    @Test func emptyAndNumericBodiesGiveNothing() throws {
        #expect(try keyphrases("").isEmpty)
        #expect(try keyphrases("12 34 56, 78.").isEmpty)
        #expect(try keyphrases(story, max: 0).isEmpty)
    }

    @Test func frequencyTableLoads() {
        let table = WordFrequencies.builtIn
        #expect(table.documents > 10_000)
        var common = "government"
        var rare = "zymurgy"
        let commonCount = common.withUTF8 { table.count(WordFrequencies.key($0)) }
        let rareCount = rare.withUTF8 { table.count(WordFrequencies.key($0)) }
        #expect(commonCount > 1_000)
        #expect(rareCount == 0)
    }
}

import Articles
@testable import Enrichment
import FoundationEssentials
import Testing

@Suite struct EntityEnricherTests {
    private let enricher = EntityEnricher.builtIn

    private func entities(_ body: String, title: String? = nil, highlights: [String] = []) -> [Entity] {
        enricher.entities(in: Article(title: title, highlights: highlights, body: body))
    }

    private func find(_ entities: [Entity], _ name: String) -> Entity? { entities.first { $0.name == name } }

    @Test func newsParagraph() throws {
        let body = """
            Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on Friday, \
            two days after the United Nations called for a ceasefire in Aleppo.

            Kerry told reporters that the U.S. would keep working with the European Union. Lavrov said \
            Moscow had not changed its position.
            """
        let found = entities(body, title: "Kerry and Lavrov meet in Geneva")
        let kerry = try #require(find(found, "John Kerry"))
        #expect(kerry.type == "PER")
        #expect(kerry.mentions.map(\.text) == ["John Kerry", "Kerry"])
        #expect(find(found, "Sergei Lavrov")?.type == "PER")
        #expect(find(found, "Geneva")?.type == "LOC")
        #expect(find(found, "Aleppo")?.type == "LOC")
        #expect(find(found, "Russian")?.type == "MISC")
        #expect(find(found, "United Nations")?.type == "ORG")
        // Title mentions and frequency rank Kerry and Lavrov first.
        #expect(Set(found.prefix(2).map(\.name)) == ["John Kerry", "Sergei Lavrov"])
        #expect(found[0].salience == 1)
        #expect(found.allSatisfy { $0.salience > 0 && $0.salience <= 1 })
    }

    @Test func offsetsAreCodePoints() throws {
        let body = "Café owners in São Paulo welcomed President Luiz Inácio Lula da Silva on Tuesday."
        let found = entities(body)
        let scalars = Array(body.unicodeScalars)
        for entity in found {
            for mention in entity.mentions {
                let text = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
                #expect(text == mention.text)
            }
        }
        #expect(found.contains { $0.mentions.contains { $0.text == "São Paulo" } })
    }

    @Test func acronymsJoinTheirFullName() throws {
        let body = """
            The United States and the United Kingdom signed the deal. U.S. officials said the U.K. would \
            follow. Officials in the United States welcomed it.
            """
        let found = entities(body)
        let us = try #require(find(found, "United States"))
        #expect(us.mentions.map(\.text).contains("U.S."))
        #expect(us.mentions.count == 3)
    }

    @Test func headlineCaseAndCapsLines() {
        let body = """
            RUSSIA DENIES STRIKES ON ALEPPO HOSPITALS
            MOSCOW (Reuters) - Russia's defence ministry said on Friday its jets had not struck hospitals \
            in Aleppo, the Syrian city where fighting has intensified.
            """
        let found = entities(body)
        #expect(found.contains { $0.type == "LOC" && $0.mentions.contains { $0.text == "Aleppo" } })
        #expect(found.contains { $0.type == "LOC" && $0.mentions.contains { $0.text == "MOSCOW" } })
        #expect(found.contains { $0.type == "ORG" && $0.name == "Reuters" })
        #expect(!found.contains { $0.name.contains("DENIES") })
    }

    @Test(arguments: [
        "",
        "   \n\n  ",
        "!!! ??? ... --- ***",
        String(repeating: "A", count: 100_000),
        "Der Bundestag in Berlin stimmte am Donnerstag über den Haushalt ab.",
        "北京市政府周五宣布了新的交通规定。",
        String(repeating: "THE COUNCIL MET IN PORT ELLERY ON TUESDAY. ", count: 2_000),
    ])
    func robustOnOddInput(body: String) {
        let found = entities(body)
        for entity in found {
            #expect(!entity.mentions.isEmpty)
            for mention in entity.mentions { #expect(mention.start < mention.end) }
        }
    }

    @Test func largeBodyIsLinear() {
        let paragraph = "Maria Okafor of Harbor Bank spoke in Lagos on Monday about the budget. "
        let body = String(repeating: paragraph, count: 5_000)
        let found = entities(body)
        #expect(found.reduce(0) { $0 + $1.mentions.count } >= 5_000)
    }

    @Test func enricherFillsEnrichments() throws {
        var result = Enrichments()
        try enricher.enrich(Article(body: "Angela Merkel visited Paris."), into: &result)
        #expect(result.entities?.isEmpty == false)
        #expect(enricher.name == "entities")
    }
}

@Suite struct EntityFuzzTests {
    /// Bounded fuzzing: random bytes, and random mixes of news-like pieces and odd characters, through
    /// the tokenizer and the tagger (500 documents, fixed seed; `FUZZ_ITERATIONS` for more); nothing
    /// may crash and every mention must point inside its body.
    @Test func randomInputNeverCrashes() {
        let iterations = ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? 500
        var random = SplitMix64(seed: 0x5EED)
        let pieces = [
            "Kerry", "U.S.", "A-10", "1,900", "12.5", "’s", "'s", "n't", "“", "”", "—", "\n", "\n\n", " ", "  ",
            "RUSSIA", "http://x.example/a", "e@x.org", "C$", "Mr.", "J.", "São", "北京", "\u{00A0}", "\u{200B}",
            "(", ")", ".", "...", "de", "van", "Harbor Bank", "New York", "&", "-", "'", "\u{FEFF}", "\t",
        ]
        for round in 0..<iterations {
            var body: String
            if round % 2 == 0 {
                let bytes = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                body = String(decoding: bytes, as: UTF8.self)
            } else {
                body = (0..<Int(random.next() % 200)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                    .joined(separator: random.next() % 3 == 0 ? "" : " ")
            }
            let found = EntityEnricher.builtIn.entities(in: Article(body: body))
            let length = body.unicodeScalars.count
            for entity in found {
                for mention in entity.mentions {
                    #expect(mention.start >= 0 && mention.start < mention.end && mention.end <= length)
                }
            }
        }
    }
}

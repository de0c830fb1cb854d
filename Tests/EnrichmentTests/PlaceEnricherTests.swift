import Articles
@testable import Enrichment
import Testing

@Suite struct PlaceEnricherTests {
    /// Runs what places read (entities, quantities) and places, in the pipeline's order.
    private func run(_ article: Article) throws -> Enrichments {
        var result = Enrichments()
        try EntityEnricher.builtIn.enrich(article, into: &result)
        try QuantityEnricher().enrich(article, into: &result)
        try PlaceEnricher().enrich(article, into: &result)
        return result
    }

    private func parsed(_ text: String, title: String? = nil) throws -> Article {
        try RawTextParser().parse(text, envelope: Envelope(title: title, content: .text(text)))
    }

    @Test func gazetteerLoadsAndKeysMatchSpellings() throws {
        let gazetteer = PlaceGazetteer.builtIn
        #expect(gazetteer.entries.count > 30_000)
        #expect(gazetteer.country("GB")?.name == "United Kingdom")
        for spelling in ["U.S.", "US", "the United States", "United-States"] {
            let first = try #require(gazetteer.matches(spelling).first, "\(spelling)")
            #expect(gazetteer.entries[Int(first.entry)].country == "US", "\(spelling)")
        }
        // A demonym shared by territories means the most populous country.
        let american = try #require(gazetteer.matches("American").first)
        #expect(gazetteer.entries[Int(american.entry)].country == "US")
        #expect(american.form == .demonym)
        #expect(PlaceName.key("Theodore".utf8) != PlaceName.key("odore".utf8))
    }

    @Test func parisTexasIsResolvedByItsRegion() throws {
        let article = try parsed(
            """
            PARIS, Texas (AP) — The mayor of Paris said on Monday that the city council would meet again after \
            the storm. Officials in Lamar County, Texas, said roads near Dallas were closed.
            """)
        let result = try run(article)
        let paris = try #require(result.places?.first { $0.name == "Paris" })
        #expect(paris.countryCode == "US")
        #expect(paris.admin1 == "TX")
        #expect(paris.kind == .city)
        #expect(paris.mentions.map(\.text) == ["Paris"])
        #expect(result.countries?.map(\.code) == ["US"])
    }

    @Test func parisWithoutTexasIsInFrance() throws {
        let result = try run(Article(body: "The mayor of Paris said on Monday that the city would reopen its museums."))
        let paris = try #require(result.places?.first)
        #expect(paris.countryCode == "FR")
        #expect(paris.geonameID == 2_988_507)
        #expect((paris.latitude ?? 0) > 48 && (paris.latitude ?? 0) < 49)
        #expect(result.countries?.first?.code == "FR")
    }

    @Test func syrianStoryDatelinedMoscow() throws {
        let article = try parsed(
            """
            Moscow (CNN) — Russian warplanes struck rebel positions near Aleppo on Friday, a Syrian monitoring \
            group said, as the government in Damascus pressed its offensive in northern Syria.

            Syrian state media said the army had retaken two villages. The Kremlin said the strikes would go on.
            """, title: "Russian jets pound rebels near Aleppo")
        let result = try run(article)
        let codes = try #require(result.countries).map(\.code)
        #expect(Array(codes.prefix(2)).sorted() == ["RU", "SY"])
        #expect(codes.first == "SY")
        let aleppo = try #require(result.places?.first { $0.name == "Aleppo" })
        #expect(aleppo.countryCode == "SY")
        let countries = try #require(result.countries)
        #expect(countries[0].score == 1)
        #expect(countries.allSatisfy { $0.score > 0 && $0.score <= 1 && $0.mentions > 0 })
    }

    @Test func headlineOnlyArticle() throws {
        let result = try run(Article(title: "JAPAN TRADE SURPLUS WIDENS IN MARCH", body: ""))
        #expect(result.places == [])
        #expect(result.countries?.map(\.code) == ["JP"])
    }

    @Test func ordinaryTitleWordsAreNotCountries() throws {
        let us = try run(Article(title: "Tell us what you think", body: "Readers sent letters about the new library."))
        #expect(us.countries == [])
        let turkey = try run(Article(title: "Thanksgiving turkey prices rise", body: "Shoppers paid more this week."))
        #expect(turkey.countries == [])
        let latin = try run(
            Article(title: "Latin America markets rally", body: "Stocks rose across the region on Monday, traders said."))
        #expect(latin.countries == [])
    }

    @Test func georgiaWithAtlantaIsTheState() throws {
        let result = try run(
            Article(
                body: """
                    Voters in Georgia head to the polls on Tuesday for a Senate runoff. Election officials in Atlanta \
                    said turnout was high in the early hours.
                    """))
        let georgia = try #require(result.places?.first { $0.name == "Georgia" })
        #expect(georgia.countryCode == "US")
        #expect(georgia.kind == .region)
        #expect(result.countries?.map(\.code) == ["US"])
    }

    @Test func leadingTheIsNotPartOfTheMention() throws {
        let result = try run(Article(body: "Officials said the Netherlands would send aid."))
        let netherlands = try #require(result.places?.first)
        #expect(netherlands.mentions.map(\.text) == ["Netherlands"])
    }

    @Test func emptyBodyGivesNothing() throws {
        let result = try run(Article(body: ""))
        #expect(result.places == [])
        #expect(result.countries == [])
    }

    @Test func institutionsAndCompaniesPlaceAStory() throws {
        let result = try run(
            Article(body: "The Bundesbank left its discount rate unchanged on Thursday, dealers said."))
        #expect(result.countries?.first?.code == "DE")
        let company = try run(Article(body: "Acme Widget Corp said it would buy back two mln of its shares."))
        #expect(company.countries?.map(\.code) == ["US"])
    }

    @Test func hardWrappedNewswireKeepsNamesTogether() throws {
        let text = """
            WIDGET MAKER FILES OFFERING

            Acme Widgets Limited Partnership
            said it filed a registration statement with the Securities and
            Exchange Commission covering a proposed offering of 1,200,000
            units of limited partnership interests in its new plants.
                The company said it expects the offering to be priced at 20
            dlrs per unit in late spring.
            """
        let article = try parsed(text)
        #expect(article.title == "WIDGET MAKER FILES OFFERING")
        #expect(article.body.contains("Securities and Exchange Commission"))
        #expect(article.body.split(separator: "\n\n").count == 2)
        #expect(try run(article).countries?.first?.code == "US")
    }

    @Test func shortLinesOfFullSentencesAreNotRejoined() throws {
        let text = """
            Council approves the budget for next year.
            The vote was seven to two after a long debate.
            Libraries will open on Sundays from March onward.
            Bus fares stay the same for students and pensioners.
            Road repairs start in the north of the city first.
            The mayor thanked residents for their many letters.
            """
        let article = try parsed(text)
        #expect(article.body.split(separator: "\n\n").count >= 5)
    }
    @Test func institutionNamesAreNotPlacesOfTheSameName() throws {
        // `White House` is also an alternate name of Casablanca.
        let result = try run(
            Article(body: "The White House said on Tuesday that the President would sign the bill next week."))
        #expect(result.countries?.first?.code == "US")
        #expect(!(result.countries ?? []).contains { $0.code == "MA" })
        #expect(!(result.places ?? []).contains { $0.countryCode == "MA" })
    }

    @Test func smallPlacesInCountriesNotNamedAreLeftOut() throws {
        // `Gulf` is also a province of Papua New Guinea.
        let result = try run(Article(body: "Tankers in the Gulf were delayed by a storm on Sunday, shipping agents said."))
        #expect(!(result.countries ?? []).contains { $0.code == "PG" })
    }

    @Test func moneyInANationalCurrencyIsWeakEvidence() throws {
        let result = try run(
            Article(body: "Acme Widgets said its quarterly profit rose to 12 mln dlrs from nine mln dlrs a year earlier."))
        #expect(result.countries?.map(\.code) == ["US"])
        #expect(result.countries?.first?.mentions == 0)
        // Named countries outweigh the currency.
        let named = try run(
            Article(body: "Japan's trade surplus rose to 8.1 billion dlrs in March, the Finance Ministry in Tokyo said."))
        #expect(named.countries?.map(\.code) == ["JP"])
    }

    @Test func parisInAStoryThatNamesTheUSIsStillInFrance() throws {
        let result = try run(
            Article(body: "U.S. officials met their counterparts in Paris on Monday to discuss the trade agreement."))
        let paris = try #require(result.places?.first { $0.name == "Paris" })
        #expect(paris.countryCode == "FR")
    }

    @Test func georgiaIsTheStateInAStoryWithUSEvidence() throws {
        let result = try run(
            Article(
                body: "Acme Data Corp said it revised its agreement to provide services to First Union Corp of Georgia "
                    + "for 19 mln dlrs a year."))
        #expect(result.countries?.first?.code == "US")
        #expect(!(result.countries ?? []).contains { $0.code == "GE" })
    }

    @Test func aCountryMentionedOnceInPassingIsNotWhatTheStoryIsAbout() throws {
        let story = Article(
            body: "Japan's exports rose 4 pct in March, the Finance Ministry said on Friday, as sales to the U.S. "
                + "and Asia grew. Japanese car makers shipped more vehicles than a year earlier.")
        var result = Enrichments()
        try EntityEnricher.builtIn.enrich(story, into: &result)
        try QuantityEnricher().enrich(story, into: &result)
        var all = result
        try PlaceEnricher(passingShare: 0).enrich(story, into: &all)
        #expect(all.countries?.map(\.code) == ["JP", "US"])
        try PlaceEnricher().enrich(story, into: &result)
        #expect(result.countries?.map(\.code) == ["JP"])
        // Mentioned twice, the second country stays.
        let twice = try run(
            Article(
                body: "Japan's exports rose 4 pct in March, the Finance Ministry in Tokyo said on Friday. Officials "
                    + "said sales to the U.S. were flat, and U.S. buyers ordered fewer cars."))
        #expect(Set(twice.countries?.map(\.code) ?? []) == ["JP", "US"])
    }

    @Test func kosovoIsACountry() throws {
        let result = try run(Article(body: "Kosovo's government met in Pristina on Monday to discuss the budget."))
        #expect(result.countries?.first?.code == "XK")
    }

    @Test func acronymsAreNotTowns() throws {
        // `Gao` is a town in Mali.
        let result = try run(
            Article(body: "The General Accounting Office said in a report that the GAO found no fraud in the program."))
        #expect(!(result.countries ?? []).contains { $0.code == "ML" })
    }

    @Test func exchangeSuffixesAndNationalitiesPlaceCompanies() throws {
        let listed = try run(Article(body: "Kawasaki Heavy Industries Ltd <KAWH.T> will raise output of motorcycles this year."))
        #expect(listed.countries?.first?.code == "JP")
        let british = try run(Article(body: "British Petroleum said it would sell its stake in the refinery next month."))
        #expect(british.countries?.first?.code == "GB")
    }

    @Test func tickersAndHyphenatedNamesAreNotPlaces() throws {
        let article = try parsed(
            """
            CARBIDE <UK> AND BRISTOL-MYERS <BMY> SIGN PACT

            Union Carbide Corp and Bristol-Myers Co said they signed a research agreement.
            """)
        let result = try run(article)
        #expect(!(result.countries ?? []).contains { $0.code == "GB" })
        #expect(result.countries?.first?.code == "US")
    }

    @Test func directionsAreNotProvinces() throws {
        // `Eastern` and `Southern` are provinces of several countries; `South` is a region of Cameroon.
        let result = try run(
            Article(body: "Panhandle Eastern Corp said Southern Bell will buy gas from its South pipeline unit."))
        for code in ["GH", "ZM", "RW", "CM", "LK"] {
            #expect(!(result.countries ?? []).contains { $0.code == code }, "\(code)")
        }
    }

    @Test func formerAndAbbreviatedNames() throws {
        let yugoslavia = try run(Article(body: "Yugoslavia reached an agreement with its creditor banks on Monday."))
        #expect(yugoslavia.countries?.map(\.code) == ["RS"])
        let virginia = try run(Article(body: "Charter Federal Savings of Bristol, Va., agreed to buy a savings bank."))
        let bristol = try #require(virginia.places?.first { $0.name == "Bristol" })
        #expect(bristol.countryCode == "US")
    }

    @Test func aSmallTownDoesNotNameItsCountry() throws {
        // `Ifo` is a town of 88,000 in Nigeria, and the name of a German institute.
        let result = try run(
            Article(body: "Output will fall this year, the Ifo economic institute said. Ifo also predicted stagnation."))
        #expect(!(result.countries ?? []).contains { $0.code == "NG" })
    }

    @Test func aCapitalsHeadlineOnlyStoryIsReadAsATitle() throws {
        let article = try parsed("NRC ORDERS PHILADELPHIA ELECTRIC TO SHUT DOWN PEACH BOTTOM PLANT")
        #expect(try run(article).countries?.first?.code == "US")
    }
}

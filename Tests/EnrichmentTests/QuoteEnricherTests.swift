import Articles
@testable import Enrichment
import Testing

@Suite struct QuoteEnricherTests {
    private func quotes(_ body: String) throws -> [Quote] {
        let article = Article(body: body)
        var result = Enrichments()
        try EntityEnricher.builtIn.enrich(article, into: &result)
        try QuoteEnricher().enrich(article, into: &result)
        return try #require(result.quotes)
    }

    @Test func attributionAfterTheQuoteWithRoleAndPronoun() throws {
        let body = """
            Ministry spokesman Igor Konashenkov spoke to reporters in Moscow on Friday. \
            “The terrorists are moving their people towards the border,” Ministry spokesman Igor Konashenkov said.

            “We will keep flying until the job is done,” he said.
            """
        let found = try quotes(body).filter { $0.kind == .direct }
        #expect(found.count == 2)
        #expect(found[0].speaker == "Igor Konashenkov")
        #expect(found[0].role == "Ministry spokesman")
        #expect(found[0].verb == "said")
        #expect(found[1].speaker == "Igor Konashenkov")
        // Offsets are code points of the words inside the marks.
        let scalars = Array(body.unicodeScalars)
        let text = String(String.UnicodeScalarView(scalars[found[0].start..<found[0].end]))
        #expect(text == "The terrorists are moving their people towards the border,")
        #expect(found[0].text == text)
    }

    @Test func attributionBeforeAndInterruptedQuotes() throws {
        let body = """
            Secretary of State John Kerry told reporters: "We want to make progress on the issues that matter."

            "It will not be easy," said Maria Lopez, the mayor. "But we have to start somewhere today."
            """
        let found = try quotes(body).filter { $0.kind == .direct }
        #expect(found.map(\.speaker) == ["John Kerry", "Maria Lopez", "Maria Lopez"])
    }

    @Test func pronounsSkipIncompatibleNamesAndTitlesFindTheirHolder() throws {
        let body = """
            Maria Lopez sued the city last year. Her lawyer, Robert Grant, filed the papers on Monday.             “We expect the court to hear us before the summer recess,” she said.

            Madison Police Chief Dennis Moore spoke after the hearing. Reporters asked about Robert Grant.             “Nobody here is above the law in this city,” the police chief said.

            The Riverside Tenants Union backed the suit, saying the ruling was “long overdue for every family here”.
            """
        let found = try quotes(body).filter { $0.kind == .direct }
        #expect(found.count == 3)
        // `she` skips Robert Grant, the man named last.
        #expect(found.first?.speaker == "Maria Lopez")
        // The tagger keeps the title inside the name; `the police chief` still finds it.
        #expect(found.dropFirst().first?.speaker?.hasSuffix("Dennis Moore") == true)
        #expect(found.last?.speaker == "Riverside Tenants Union")
    }

    @Test func organisationsSentenceEndsAndTrailingTime() throws {
        let found = try quotes(
            "Microsoft will buy the network for $26 billion in cash, Microsoft said on Monday. "
                + "Chelsea Football Club sacked its manager on Thursday. "
                + "\"We wish him well in the future,\" the club said in a statement. "
                + "Defendant John Smith told the court: \"I did not kill my wife.\" Judge Mary Jones said the evidence showed otherwise.")
        let direct = found.filter { $0.kind == .direct }
        #expect(direct.map(\.speaker) == ["Chelsea Football Club", "John Smith"])
        #expect(direct.last?.verb == "told")
        #expect(found.first?.kind == .indirect && found.first?.speaker == "Microsoft")
    }

    @Test func manyQuotesStayLinear() throws {
        let paragraph = "Peter Walker arrived at the gate. \"We will go over the plan again tonight,\" he said.\n\n"
        let clock = ContinuousClock()
        let started = clock.now
        let found = try quotes(String(repeating: paragraph, count: 1_500))
        #expect(found.filter { $0.kind == .direct }.count == 1_500)
        // Linear work: seconds in a debug build at worst (it was cubic: minutes).
        #expect(clock.now - started < .seconds(30))
    }

    @Test func scareQuotesAreNotQuotes() throws {
        let found = try quotes("The jets hit nearly 1,900 “terrorist facilities” last week, officials said in a “briefing”.")
        #expect(found.allSatisfy { $0.kind == .indirect })
    }

    @Test func indirectSpeech() throws {
        let found = try quotes("Brett McGurk said that the airstrikes forced rebel fighters to leave the front line near Aleppo.")
        #expect(found.count == 1)
        #expect(found.first?.kind == .indirect)
        #expect(found.first?.speaker == "Brett McGurk")
        #expect(found.first?.text == "the airstrikes forced rebel fighters to leave the front line near Aleppo")
    }

    @Test func multiParagraphQuoteIsOne() throws {
        let body = """
            “The first paragraph of the statement goes on for a while

            “and the second paragraph finishes the thought at last,” the company said.
            """
        let found = try quotes(body).filter { $0.kind == .direct }
        #expect(found.count == 1)
        #expect(found.first?.text.hasPrefix("The first paragraph") == true)
        #expect(found.first?.text.hasSuffix("at last,") == true)
    }

    @Test func unbalancedAndEmptyInputDoNotCrash() throws {
        #expect(try quotes("").isEmpty)
        #expect(try quotes("\"").isEmpty)
        _ = try quotes("He said \"this never closes and runs to the end of the text")
        _ = try quotes(String(repeating: "“", count: 500) + String(repeating: "”", count: 3))
    }
}

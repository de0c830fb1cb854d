import Articles
import Testing

@Suite struct RawTextParserTests {
    @Test func floodStoryStructure() throws {
        let article = try RawTextParser().parse(Fixtures.floodStory)
        #expect(article.title == "Floods force thousands from their homes in Nairobi")
        #expect(
            article.highlights == [
                "Heavy overnight rain pushed the Ngong River over its banks",
                "At least 12 people are missing, the Kenya Red Cross says",
                "Forecasters expect more storms through the weekend",
            ]
        )
        #expect(article.dateline == Dateline(location: "Nairobi", agency: "CNN", text: "Nairobi CNN —"))
        #expect(article.contributors == ["Daniel Otieno", "Laura Smith", "Grace Wanjiru"])
        #expect(article.authors.isEmpty)
        #expect(article.body == Fixtures.floodBody)
    }

    @Test func floodStoryMedia() throws {
        let article = try RawTextParser().parse(Fixtures.floodStory)
        #expect(
            article.media == [
                MediaItem(
                    kind: .caption,
                    text:
                        "Residents wade through floodwater in the Kibera district of Nairobi, Kenya, on Tuesday, April 14."
                ),
                MediaItem(
                    kind: .video,
                    text: "Flash floods swamp Nairobi neighbourhoods",
                    durationSeconds: 192,
                    credit: "CNN"
                ),
                MediaItem(kind: .image, text: "flood scene river nairobi", fileName: "wrn_00012345.jpg"),
                MediaItem(
                    kind: .video,
                    text: "Aerial footage shows the scale of the flooding",
                    durationSeconds: 65,
                    credit: "CNN"
                ),
            ]
        )
        let kinds = Dictionary(grouping: article.removed, by: \.kind).mapValues { $0.map(\.text) }
        #expect(
            kinds["teaser"] == [
                "Kenya floods: Rescue boats reach trapped families", "Why East Africa’s rainy season is getting wetter",
            ]
        )
        #expect(kinds["read_more"] == ["Read More"])
        #expect(kinds["filename"] == ["flood scene river nairobi wrn_00012345.jpg"])
        #expect(kinds["contributors"]?.count == 1)
    }

    @Test func envelopeTitleWins() throws {
        let envelope = Envelope(url: "https://example.com/a", title: "Given title", language: "en", content: .text(""))
        let article = try RawTextParser().parse(Fixtures.floodStory, envelope: envelope)
        #expect(article.title == "Given title")
        #expect(article.url == "https://example.com/a")
        #expect(article.language == "en")
        #expect(article.body == Fixtures.floodBody)
    }

    @Test func wireStory() throws {
        let article = try RawTextParser().parse(Fixtures.wireStory)
        #expect(article.authors == ["Jane Roe", "Tomas Berg"])
        #expect(article.dateline == Dateline(location: "OSLO", agency: "Newswire", text: "OSLO (Newswire) -"))
        #expect(article.contributors == ["Jane Roe", "Tomas Berg"])
        #expect(
            article.body
                == "Norway's central bank held its main interest rate steady on Thursday, saying inflation had eased "
                + "faster than expected over the summer.\n\nThe bank said it would review the rate again in December."
        )
    }

    @Test(arguments: [
        (
            "(CNN)A ferry ran aground near the port on Sunday.", "CNN" as String?, nil as String?,
            "A ferry ran aground near the port on Sunday."
        ),
        (
            "(CNN) -- A ferry ran aground near the port on Sunday.", "CNN", nil,
            "A ferry ran aground near the port on Sunday."
        ),
        (
            "LIMA, Peru (AP) — A ferry ran aground near the port on Sunday.", "AP", "LIMA, Peru",
            "A ferry ran aground near the port on Sunday."
        ),
        (
            "HAMBURG – A ferry ran aground near the port on Sunday.", nil, "HAMBURG",
            "A ferry ran aground near the port on Sunday."
        ),
    ])
    func inlineDatelines(text: String, agency: String?, location: String?, body: String) throws {
        let article = try RawTextParser().parse(text)
        #expect(article.dateline?.agency == agency)
        #expect(article.dateline?.location == location)
        #expect(article.body == body)
    }

    @Test func ordinaryDashIsNotADateline() throws {
        let article = try RawTextParser().parse(
            "Officials said - after a long meeting - that the port would stay shut for a week."
        )
        #expect(article.dateline == nil)
        #expect(article.body == "Officials said - after a long meeting - that the port would stay shut for a week.")
    }

    @Test func repeatedCaptionWithCredit() throws {
        let text = """
            The ferry company said all 40 passengers were taken off safely by lifeboats before noon on Sunday.
            Harbour Photo Agency
            Passengers wait on the quay after the ferry ran aground, March 3, 2026.
            Passengers wait on the quay after the ferry ran aground, March 3, 2026.Harbour Photo Agency
            Divers will inspect the hull on Monday before the ship is towed back to the port for repairs.
            """
        let article = try RawTextParser().parse(text)
        #expect(
            article.body
                == "The ferry company said all 40 passengers were taken off safely by lifeboats before noon on Sunday."
                + "\n\nDivers will inspect the hull on Monday before the ship is towed back to the port for repairs."
        )
        #expect(
            article.media == [
                MediaItem(
                    kind: .caption,
                    text: "Passengers wait on the quay after the ferry ran aground, March 3, 2026.",
                    credit: "Harbour Photo Agency"
                )
            ]
        )
    }

    @Test func shortTextIsKept() throws {
        let article = try RawTextParser().parse("Hello world")
        #expect(article.body == "Hello world")
    }

    @Test func controlAndZeroWidthCharactersRemoved() throws {
        let article = try RawTextParser().parse("A\u{0007}B \u{200D}c\u{FEFF}d\t\te.\r\n\r\nNext\u{2028}line here.")
        #expect(article.body == "AB cd e.\n\nNext line here.")
    }

    @Test func pageFurnitureIsRemoved() throws {
        let text = """
            Ferry services resume after strike

            Ferry services between the two islands resumed on Monday after a nine-day strike ended with a new pay deal.

            shop.example.com

            Harbour workers said the agreement covered overtime and safety equipment, and the first boats left on time.

            Ana Lima / Via harbourphotos.net

            The union said it would put the deal to a vote of all members later this month.

            — Port of Velho (@portvelho) March 2, 2026

            +12 More

            Ferry services between the two islands resumed on Monday after a nine-day strike ended with a new pay deal.

            Operators expect bookings to return to normal within a week, a spokesman said.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "Ferry services resume after strike")
        #expect(
            article.body == """
                Ferry services between the two islands resumed on Monday after a nine-day strike ended with a new pay deal.

                Harbour workers said the agreement covered overtime and safety equipment, and the first boats left on time.

                The union said it would put the deal to a vote of all members later this month.

                Operators expect bookings to return to normal within a week, a spokesman said.
                """
        )
        let kinds = article.removed.map(\.kind)
        #expect(kinds.filter { $0 == "credit" }.count == 2)
        #expect(kinds.contains("embed"))
        #expect(kinds.contains("duplicate"))
        #expect(kinds.contains("navigation"))
    }

    @Test func sentencesMentioningSitesStay() throws {
        let text = """
            The ministry published the figures on its site, health.example.gov, on Monday.

            Visitors can read the full report at the same address, the ministry said.

            Part 2

            Hackers used stolen passwords to log into accounts, and Node.js servers were hit.

            — a reply from the ministry (@health) was quick.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.body.contains("health.example.gov"))
        #expect(!article.body.contains("Part 2"))
        #expect(article.removed.contains { $0.text == "Part 2" })
        #expect(article.body.contains("log into accounts"))
        #expect(!article.removed.contains { $0.kind == "embed" })
    }

    @Test func textIsPutInNFC() throws {
        // Decomposed "é" (e + U+0301) and "Å" (A + U+030A) are composed; curly quotes and dashes stay.
        let article = try RawTextParser().parse("The cafe\u{301} in A\u{30A}lesund said “no” — again.")
        #expect(Array(article.body.unicodeScalars) == Array("The café in Ålesund said “no” — again.".unicodeScalars))
        #expect(article.body.unicodeScalars.count == 38)
    }

    @Test func newswireResultsTableKeepsTitleAndRows() throws {
        let text = """
            ACME WIDGET CORP <ACMW> 2ND QTR NET

            Shr 41 cts vs 38 cts
                Net 2,140,000 vs 1,985,000
                Revs 31.2 mln vs 29.8 mln
                Six mths
                Shr 80 cts vs 71 cts
                NOTE: Net includes a gain on the sale of a plant of
            310,000 dlrs in the quarter.
             Reuter
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "ACME WIDGET CORP <ACMW> 2ND QTR NET")
        let paragraphs = article.body.split(separator: "\n\n").map(String.init)
        #expect(paragraphs.contains("Shr 41 cts vs 38 cts"))
        #expect(paragraphs.contains("Revs 31.2 mln vs 29.8 mln"))
        #expect(paragraphs.contains("NOTE: Net includes a gain on the sale of a plant of 310,000 dlrs in the quarter."))
        #expect(!article.removed.contains { $0.kind == "teaser" })
    }

    @Test func shortWrappedBriefIsOneParagraph() throws {
        // Newswire whose dateline was cut from the first line: a short opening line, then lines wrapped
        // at about 65 characters, one of them mentioning a share price.
        let text = """
            ACME <ACMW> SAYS PATENT WILL BE ISSUED

            Acme Diagnostics Ltd said it
            received notification from the U.S. patent office that a patent
            would be issued on its analog image processor, adding its share
            price rose 12 pct to 4.50 dlrs on the news.
             Reuter
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "ACME <ACMW> SAYS PATENT WILL BE ISSUED")
        #expect(
            article.body.hasPrefix(
                "Acme Diagnostics Ltd said it received notification from the U.S. patent office that a patent would be "
                    + "issued on its analog image processor, adding its share price rose 12 pct to 4.50 dlrs on the news."))
        #expect(!article.removed.contains { $0.kind == "navigation" && $0.text.contains("patent") })
    }

    @Test func wrappedLinesEndingOnNumbersQuotesAndTagsContinue() throws {
        let text = """
            WIDGET MAKER SEES HIGHER SALES

            <Acme Widget Manufacturing Corp>
            (AWM) expects its profits to rise to 328 mln dlrs in the
            year ending March 31, from a projected 300 mln dlrs this year,
            and sales to rise to 1.2 billion dlrs from 950 mln dlrs in 1986
            and 1,100 mln dlrs in 1987. "We expect to have the biggest
            order book in the company's history," its president said, and
            added that the company's prices would rise 2.5 pct from June
            -- the first rise since 1985.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.dateline == nil)
        #expect(article.body.split(separator: "\n\n").count == 1)
        #expect(article.body.hasPrefix("<Acme Widget Manufacturing Corp> (AWM) expects"))
        #expect(article.body.contains("1.2 billion dlrs from 950 mln dlrs in 1986 and 1,100 mln dlrs"))
        #expect(article.body.contains("the biggest order book in the company's history"))
        #expect(article.body.hasSuffix("from June -- the first rise since 1985."))
    }

    @Test func capitalsHeadlineWithItsSourceIsTheTitle() throws {
        let text = """
            COCOA CONTRACT TERMS TO CHANGE - DUTCH TRADERS

            Contract terms for trade in cocoa butter
            are to be changed from long tons to tonnes from the autumn
            contracts onwards, Dutch traders said.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "COCOA CONTRACT TERMS TO CHANGE - DUTCH TRADERS")
        #expect(article.dateline == nil)
        #expect(article.body.hasPrefix("Contract terms for trade in cocoa butter are to be changed"))
    }

    @Test func aNameAndItsAbbreviationAreNoDateline() throws {
        for line in [
            "The International Widget Organization (IWO) said on Monday that stocks fell.",
            "Officials at the Widget Commission (WC) said on Monday that stocks fell.",
            "The International Widget Fund (IWF) Board met on Monday to discuss the fall in stocks.",
        ] {
            let article = try RawTextParser().parse(line + "\n\nThe fall was the third in a row, it said.")
            #expect(article.dateline == nil, "\(line)")
            #expect(article.body.hasPrefix(line), "\(line)")
        }
        // A real one glued to the text still is.
        let glued = try RawTextParser().parse("London (CNN)Police in London said on Monday that roads were closed.")
        #expect(glued.dateline?.location == "London")
    }

    @Test func unmarkedPhotoCaptionsGoToMedia() throws {
        let caption = "Workers paint the railings of the new bridge over the Tana River in Garissa, Kenya, on March 3, 2021."
        let text = """
            Kenya opens its longest bridge

            Garissa, Kenya (CNN) The longest bridge in Kenya opened on Monday after four years of work, \
            officials said, cutting the drive between two market towns by three hours.

            The bridge was paid for by the county and a development bank, the governor told reporters.

            \(caption)

            The bonds that paid for it mature on March 31, 2030, the county treasurer said in a statement.

            The new tolls take effect in all counties on January 1, 2022.

            Trucks queueing at the new toll plaza on Monday.

            Traders in Garissa said they expected prices of fresh produce to fall within weeks.
            """
        let article = try RawTextParser().parse(text)
        #expect(!article.body.contains("railings"))
        #expect(article.media.contains { $0.kind == .caption && $0.text == caption })
        #expect(article.body.contains("The bonds that paid for it mature on March 31, 2030"))
        #expect(article.body.contains("The new tolls take effect in all counties on January 1, 2022."))
        #expect(article.media.contains { $0.kind == .caption && $0.text == "Trucks queueing at the new toll plaza on Monday." })
        #expect(article.body.contains("Traders in Garissa"))
    }

    @Test func anEmbeddedPostAndABannerAreNotText() throws {
        let text = """
            Boats sink during lake parade

            (CNN) Several boats taking part in a parade on Lake Travis sank on Saturday, officials said.

            "Several boats did sink during the parade," the sheriff's office tweeted.

            Officers responded to many calls about boats in distress. Several boats did sink during the parade.

            🚨 Spoilers ahead! 🚨

            No one was hurt, the sheriff's office said later on Saturday evening.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.removed.contains { $0.kind == "embed" && $0.text.hasPrefix("Officers responded") })
        #expect(article.removed.contains { $0.kind == "editor_note" && $0.text.contains("Spoilers") })
        #expect(article.body.contains("the sheriff's office tweeted."))
        #expect(article.body.hasSuffix("No one was hurt, the sheriff's office said later on Saturday evening."))
    }

    @Test func pageFurnitureAroundATitleAndAtTheEnd() throws {
        let text = """
            Style |Jane Roe, Reluctant Heir
            Jane Roe, Reluctant Heir
            Photo Collage by John Doe / The Daily
            Two boats were damaged in the harbour on Friday.
            (CNN)
            The heir to a shipping fortune said on Monday that she would sell the family's last three ships.
            ♬ original sound - Jane Roe
            She told reporters the sale would be complete by the end of the year, and that the crews would keep their jobs.
            Get it from Acme for $ 11.50 .
            Follow The Daily Travel on Instagram, Twitter and Facebook. And sign up for our weekly newsletter.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "Jane Roe, Reluctant Heir")
        #expect(article.media.contains { $0.kind == .caption && $0.text == "Two boats were damaged in the harbour on Friday." })
        #expect(article.removed.contains { $0.kind == "embed" && $0.text.hasPrefix("♬") })
        #expect(article.removed.contains { $0.kind == "promo" && $0.text.hasPrefix("Get it from Acme") })
        #expect(article.removed.contains { $0.kind == "promo" && $0.text.hasPrefix("Follow The Daily") })
        #expect(article.body.split(separator: "\n\n").count == 2)
        let headline = try RawTextParser().parse(
            "Supersonic jet reveal: How to watch live, start time\n\nThe company will show its supersonic jet on Wednesday, it said.")
        #expect(headline.title == "Supersonic jet reveal: How to watch live, start time")
    }

    @Test func captionsBeforeAStandaloneDatelineGoToMedia() throws {
        let text = """
            Bridge reopens after a month of repairs
            Updated 9:12 AM ET, Tue March 3, 2026
            Cars cross the Elm Street bridge shortly after it reopened on Tuesday morning.
            Riverton (CNN)
            The Elm Street bridge reopened to traffic on Tuesday, a month after inspectors found cracks in two of its steel beams.
            City engineers said the repairs cost about $4 million and came in under budget.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "Bridge reopens after a month of repairs")
        #expect(article.dateline == Dateline(location: "Riverton", agency: "CNN", text: "Riverton (CNN)"))
        #expect(article.body.hasPrefix("The Elm Street bridge reopened"))
        #expect(article.media == [MediaItem(kind: .caption, text: "Cars cross the Elm Street bridge shortly after it reopened on Tuesday morning.")])
    }

    @Test func datelineGluedToTheFirstSentence() throws {
        let article = try RawTextParser().parse(
            "Lakeport, Ontario (CNN)Volunteers pulled 300 kilograms of rubbish from the lake on Saturday, organisers said.")
        #expect(article.dateline?.location == "Lakeport, Ontario")
        #expect(article.dateline?.agency == "CNN")
        #expect(article.body.hasPrefix("Volunteers pulled"))
    }

    @Test func captionsWithAGluedCreditOrALabelGoToMedia() throws {
        let text = """
            The museum will open its new wing to the public on Saturday after six years of construction.
            Visitors look at a restored mural in the new east wing on Friday.Credit...Jane Roe for The Example Times
            Image
            The new wing seen from the river at dusk on Thursday evening.
            Admission to the new galleries will be free for the first month, the museum said.
            """
        let article = try RawTextParser().parse(text)
        #expect(
            article.body
                == "The museum will open its new wing to the public on Saturday after six years of construction."
                + "\n\nAdmission to the new galleries will be free for the first month, the museum said."
        )
        #expect(
            article.media == [
                MediaItem(
                    kind: .caption, text: "Visitors look at a restored mural in the new east wing on Friday.",
                    credit: "Jane Roe for The Example Times"),
                MediaItem(kind: .caption, text: "The new wing seen from the river at dusk on Thursday evening."),
            ])
    }

    @Test func subheadingsStayButTeaserClustersGo() throws {
        let text = """
            The town council voted on Monday to build a new library on the site of the old bus depot, ending a decade of debate.

            A long wait for readers

            Readers have waited for a new library since the old one closed in 2015, and the council said building will start next spring.

            Fire crews tackle warehouse blaze

            Schools close early for storms

            Rail strike called off at last minute

            The library is expected to open in 2028 and will include a children's wing and a community kitchen.

            Library row: 3,000 sign petition

            The library's opening hours will be set after a consultation with residents later this year.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.body.contains("\n\nA long wait for readers\n\n"))
        #expect(!article.body.contains("Fire crews"))
        // A related story's headline between paragraphs, in headline style (a colon), is a teaser.
        #expect(!article.body.contains("Library row"))
        #expect(article.removed.filter { $0.kind == "teaser" }.count == 4)
    }

    @Test func interfacePromptIsNeverTheTitle() throws {
        let text = """
            Turn on desktop notifications for breaking stories about the weather?
            Harbour festival returns after two years
            The harbour festival returned on Saturday after a two-year break, drawing thousands of visitors to the waterfront.
            Organisers said more than 40 boats took part in the evening parade.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "Harbour festival returns after two years")
    }

    @Test func standfirstAboveTheBylineIsAHighlight() throws {
        let text = """
            Council backs a four-day week for city staff
            The trial will cover 1,200 workers and start in the spring.
            By Jane Roe
            Updated 10:59 PM ET, Thu October 1, 2026
            The city council voted on Thursday to let 1,200 of its employees work a four-day week for six months.
            Union leaders welcomed the decision, which follows similar trials in two neighbouring towns.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == "Council backs a four-day week for city staff")
        #expect(article.highlights == ["The trial will cover 1,200 workers and start in the spring."])
        #expect(article.authors == ["Jane Roe"])
        #expect(article.body.hasPrefix("The city council voted"))
    }

    @Test func aVideoHeadlineWithItsLengthIsNotTheTitle() throws {
        let text = """
            Harbour seals return to the estuary (2019) 01:02
            Riverton (CNN)
            More than 200 seals were counted in the Riverton estuary this summer, the highest number since records began, wildlife officers said on Tuesday.
            The officers said cleaner water and fewer boats had helped the colony recover.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == nil)
        #expect(article.media.first == MediaItem(kind: .video, text: "Harbour seals return to the estuary (2019)", durationSeconds: 62))
        #expect(article.body.hasPrefix("More than 200 seals"))
    }

    @Test func aHeadlineSharingNoWordWithTheStoryIsNotItsTitle() throws {
        let text = """
            Markets rally as chipmakers rebound
            Riverton (CNN)
            More than 200 seals were counted in the Riverton estuary this summer, the highest number since records began, wildlife officers said on Tuesday.
            The officers said cleaner water and fewer boats had helped the colony recover.
            """
        let article = try RawTextParser().parse(text)
        #expect(article.title == nil)
        #expect(article.removed.contains(RemovedBlock(kind: "header", text: "Markets rally as chipmakers rebound")))
        let related = try RawTextParser().parse("Seals return to the estuary\n" + text.split(separator: "\n").dropFirst().joined(separator: "\n"))
        #expect(related.title == "Seals return to the estuary")
    }

    @Test func captionWithACreditLabelAfterItsSentence() throws {
        let text = """
            The ferry service to the islands resumed on Monday after a week of storms, the operator said.
            Passengers board the first ferry of the week at the harbour on Monday morning. Credit...Jane Roe/Example Agency
            Tickets bought for cancelled sailings will be refunded in full, the operator added on its website.
            """
        let article = try RawTextParser().parse(text)
        #expect(!article.body.contains("Credit"))
        #expect(
            article.media == [
                MediaItem(
                    kind: .caption, text: "Passengers board the first ferry of the week at the harbour on Monday morning.",
                    credit: "Jane Roe/Example Agency")
            ])
    }

    @Test func shoppingLinesDisclosuresAndEditorsNotesAreRemoved() throws {
        let text = """
            Ten kitchen gadgets our readers swear by
            We pick every product ourselves. When you buy through the links on this page, we may earn a commission.
            A garlic press that also peels the cloves, which our tester used every day for a month.
            Get it from Example Shop for $12.99 (available in two colours).
            A silicone lid that fits any bowl and keeps leftovers fresh for days in the fridge.
            $8 at Example Mart
            MORE: Our tester ranks every blender on the market, from the cheapest to the ones that cost as much as a used car, for you
            This story has been updated with new prices.
            """
        let article = try RawTextParser().parse(text)
        #expect(!article.body.contains("$"))
        #expect(!article.body.contains("commission"))
        #expect(!article.body.contains("updated"))
        #expect(article.body.contains("garlic press") && article.body.contains("silicone lid"))
        #expect(article.removed.filter { $0.kind == "promo" }.count == 2)
        #expect(!article.body.contains("MORE:"))
        #expect(article.removed.contains { $0.kind == "disclosure" })
        #expect(article.removed.contains(RemovedBlock(kind: "editor_note", text: "This story has been updated with new prices.")))
        // Newswire prose that mentions a commission and a purchase, or an update, stays.
        let wire = try RawTextParser().parse(
            "The company must report the purchase of its shares to the Securities and Exchange Commission, a link between the two deals.\n"
                + "This index has been updated to reflect 1982-84 consumption patterns, the bureau said on Friday.")
        #expect(wire.removed.isEmpty)
    }

    @Test(arguments: ["", "   \n\n\t ", "\u{200B}\u{FEFF}"])
    func emptyTextThrows(text: String) {
        #expect(throws: ParseError.self) { try RawTextParser().parse(text) }
    }
}

/// Test fixtures written for this project (invented stories; no third-party text).
enum Fixtures {
    /// A CNN-style page flattened to text: caption, video teaser, highlights, dateline, teasers between
    /// paragraphs, an image file name, "Read More", a contributor line. Includes a zero-width space and a
    /// no-break space to exercise normalisation.
    static let floodStory = """
        Floods force thousands from their homes in Nairobi
        Residents wade through floodwater in the Kibera district of Nairobi, Kenya, on Tuesday, April 14.
        Flash floods swamp Nairobi neighbourhoods
        03:12 - Source: CNN

        Story highlights

        Heavy overnight rain pushed the Ngong River over its banks

        At least 12 people are missing, the Kenya Red Cross says

        Forecasters expect more storms through the weekend

        Nairobi CNN \u{00A0}— \u{00A0}

        Rescue crews in Nairobi spent Wednesday pulling families from flooded homes after the Ngong River \
        burst its banks overnight.

        The Kenya Red Cross said at least 12 people were missing and about 3,000 had been moved to schools \
        and churches on higher ground.

        Kenya floods: Rescue boats reach trapped families

        “The water came in so fast that we only carried the children,” said Mercy Achieng, a vendor who \
        lost her stall. “Everything else is gone.”

        Officials said Dr. Amina Yusuf, the county health chief, had ordered mobile\u{200B} clinics to the \
        worst-hit areas.

        flood scene river nairobi wrn_00012345.jpg
        Aerial footage shows the scale of the flooding
        01:05 - Source: CNN

        Why East Africa’s rainy season is getting wetter

        Read More

        The Kenya Meteorological Department warned that another 80 millimetres of rain could fall by \
        Sunday. It urged people living near rivers to move to higher ground.

        Gov. Peter Mwangi said the county would pay for temporary housing.

        CNN’s Daniel Otieno reported from Nairobi, and CNN’s Laura Smith wrote from London. Grace Wanjiru \
        contributed to this report.
        """

    static let floodBody = """
        Rescue crews in Nairobi spent Wednesday pulling families from flooded homes after the Ngong River \
        burst its banks overnight.

        The Kenya Red Cross said at least 12 people were missing and about 3,000 had been moved to schools \
        and churches on higher ground.

        “The water came in so fast that we only carried the children,” said Mercy Achieng, a vendor who \
        lost her stall. “Everything else is gone.”

        Officials said Dr. Amina Yusuf, the county health chief, had ordered mobile clinics to the \
        worst-hit areas.

        The Kenya Meteorological Department warned that another 80 millimetres of rain could fall by \
        Sunday. It urged people living near rivers to move to higher ground.

        Gov. Peter Mwangi said the county would pay for temporary housing.
        """

    /// A wire-style story: byline, inline agency dateline, hard-wrapped lines, a closing reporting credit.
    static let wireStory = """
        By Jane Roe and Tomas Berg

        OSLO (Newswire) - Norway's central bank held its main interest rate steady on Thursday, saying
        inflation had eased faster than expected over the summer.

        The bank said it would review the rate again in December.

        (Reporting by Jane Roe; Editing by Tomas Berg)
        """

    /// A small HTML page with metadata, scripts, navigation and an article.
    static let page = """
        <!DOCTYPE html>
        <html lang="en-GB"><head>
        <meta charset="utf-8">
        <title>Harbour reopens | Coastal Times</title>
        <meta property="og:title" content="Harbour reopens after storm repairs">
        <meta name="author" content="Ines Duarte">
        <meta property="article:published_time" content="2026-03-02T08:15:00Z">
        <link rel="canonical" href="https://example.com/harbour-reopens">
        <script>var tracking = "should not appear";</script>
        <style>p { color: red }</style>
        </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <header>Coastal Times</header>
        <article>
        <h1>Harbour reopens after storm repairs</h1>
        <p>The harbour in Porto Velho reopened on Monday after three weeks of repairs.</p>
        <p>Fishing boats returned <b>within hours</b>, the port authority said.<br>Trade is expected to recover.</p>
        <aside>Related: Storm season explained</aside>
        <script>document.write("nope")</script>
        </article>
        <footer>Copyright Coastal Times</footer>
        </body></html>
        """
}

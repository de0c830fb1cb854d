/// Web pages written for this project's HTML extraction tests (invented stories; no third-party text).
enum HTMLFixtures {
    static let paragraphs = [
        "The ferry between Lindholm and the mainland will run every half hour from June, the island council "
            + "said on Thursday, after a year in which queues at the harbour grew longer every summer.",
        "Councillor Maren Vik, who chairs the transport committee, said the second boat would be leased for "
            + "three years, at a cost of about 4 million crowns, and crewed by staff from the existing route.",
        "Residents have long complained that the last crossing, at nine in the evening, left nurses, cooks and "
            + "students stranded on the wrong side of the sound.",
        "The operator, Sundlinjen, said it expected the new timetable to cut waiting times by half, although "
            + "it warned that repairs to the slipway could delay the first sailings by a week or two.",
        "Tourism officials welcomed the plan, saying visitors had begun to avoid the island in July and August, "
            + "when cars could wait for hours in the sun before boarding.",
    ]

    /// A news page: navigation, a link sidebar, the story split around a figure and a share bar, a
    /// related-stories list and a comment thread; metadata in JSON-LD (`@graph`) and meta tags.
    static let ferryPage = """
        <!DOCTYPE html>
        <html lang="nb"><head>
        <meta charset="utf-8">
        <title>Island ferry to run every half hour from June – Lindholm Post</title>
        <meta property="og:title" content="Island ferry to run every half hour from June">
        <meta name="author" content="Desk Editor">
        <link rel="canonical" href="https://post.example/ferry-half-hour">
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Lindholm Post"},
          {"@type": ["NewsArticle"], "headline": "Island ferry to run every half hour from June",
           "datePublished": "2026-05-14T09:30:00+02:00",
           "author": [{"@type": "Person", "name": "Ola Strand"}, {"@type": "Person", "name": "Siri Holm"},
                      {"@type": "Organization", "name": "Lindholm Post"}]}
        ]}
        </script>
        </head><body>
        <nav class="site-nav"><ul><li><a href="/">Front page</a></li><li><a href="/local">Local</a></li></ul></nav>
        <div class="layout">
          <div class="sidebar"><h3>Most read</h3><ul>
            <li><a href="/a">Harbour fees rise again for visiting yachts this summer</a></li>
            <li><a href="/b">School choir wins regional contest with a song about the tides</a></li>
          </ul></div>
          <div class="article-container">
            <h1>Island ferry to run every half hour from June</h1>
            <div class="byline">By Ola Strand and Siri Holm</div>
            <div class="story-body">
              <p>\(paragraphs[0])</p>
              <figure><img src="ferry.jpg"><figcaption>The ferry leaving the harbour on a windy morning.</figcaption></figure>
              <p>\(paragraphs[1])</p>
              <div class="share-tools"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
              <p>\(paragraphs[2])</p>
              <p>\(paragraphs[3])</p>
              <p>\(paragraphs[4])</p>
            </div>
            <div class="related-stories"><h4>Related</h4><ul>
              <li><a href="/c">New slipway plans go to public consultation</a></li>
              <li><a href="/d">Night buses to connect with the last crossing</a></li>
            </ul></div>
          </div>
          <section id="comments" class="comments">
            <div class="comment"><p>Finally, I have waited years for this, and so have my neighbours, honestly.</p></div>
            <div class="comment"><p>Half hourly is nice, but what about the fares, will they go up again?</p></div>
          </section>
        </div>
        <footer><p>Lindholm Post, all rights reserved.</p></footer>
        </body></html>
        """

    /// A story cut into three chunks, each in its own grid wrapper, with advertisements between them.
    static let chunkedPage: String = {
        var html = """
            <html><head><title>Ferry plan | Lindholm Post</title>
            <meta name="article_date_original" content="Thursday, May 14, 2026, 9:30 AM">
            </head><body><h1>Ferry plan</h1><div class="page"><div class="chunks">
            """
        for (k, chunk) in [[0, 1], [2, 3], [4]].enumerated() {
            html += "<div class=\"grid\"><div class=\"grid-item\"><div class=\"body-inner\">"
            for i in chunk { html += "<p>\(paragraphs[i])</p>" }
            html += "</div></div></div>"
            if k < 2 { html += "<div class=\"ad-slot\"><p>Advertisement: buy a boat today</p></div>" }
        }
        html += "</div></div><div class=\"promo\"><a href=\"/subscribe\">Subscribe for one crown a week</a></div>"
        html += "</body></html>"
        return html
    }()
}

/// Recovers article structure from flattened scraped text (CNN-style pages and similar).
///
/// The text is cut into normalised lines, and each line gets a role from its shape — length, word
/// count, final punctuation, capitalisation, position and its neighbours — rather than from lists of
/// known strings:
///
/// * a `Story highlights` line starts the highlights, which run to the dateline;
/// * full sentences before it are photo captions; the first short unpunctuated line is the title;
/// * `02:14 - Source: CNN` lines are video teasers (the adjacent short line is the video title);
///   lines ending in an image file name are image references;
/// * a dateline (`Moscow CNN —`, `LONDON (Reuters) -`, `(CNN)`) opens the body and is taken out of it;
/// * between paragraphs, short lines without final punctuation are related-story teasers, a line
///   repeated (or repeated with a credit appended) is a photo caption, and a short line before it its
///   credit; a later exact copy of a line is a duplicate; share, subscribe and "Read More" lines are
///   navigation; credit, link, embedded-post and counter lines are recognised by ``PageFurniture``;
/// * `By X and Y` near the top gives authors (`By JANE ROE for Outlet` gives "Jane Roe");
/// * a `PUBLISHED: 12:30 EST, 5 May 2013` or `Updated 0412 GMT (1212 HKT) February 12, 2016` line near the
///   top gives `publishedAt` (ISO 8601; the published time wins over an updated one; the envelope's wins
///   over both); closing "X reported from…, Y contributed to this report"
///   lines give contributors.
///
/// Body paragraphs are joined with `"\n\n"`; hard-wrapped lines are re-joined.
public struct RawTextParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses raw text.
    ///
    /// - Parameters:
    ///   - text: The scraped text.
    ///   - envelope: Where title, URL, publication time and language come from (the envelope's title and
    ///     publication time win over those found in the text); its content is ignored.
    /// - Throws: ``ParseError`` with code `emptyBody` when the text has no visible characters.
    public func parse(_ text: String, envelope: Envelope = Envelope(content: .text(""))) throws(ParseError) -> Article {
        let document = LineDocument(text)
        guard document.count > 0 else { throw ParseError(code: .emptyBody, detail: "text has no visible characters") }
        var analysis = RawTextAnalysis(document: document, envelopeTitle: envelope.title)
        analysis.run()
        var article = analysis.article()
        article.url = envelope.url
        if let title = envelope.title { article.title = title }
        article.publishedAt = envelope.publishedAt ?? article.publishedAt
        article.language = envelope.language
        return article
    }
}

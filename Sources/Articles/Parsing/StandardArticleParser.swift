/// The default parser: `.body` is taken unchanged, `.text` goes to ``RawTextParser``, `.html` to
/// ``HTMLParser``, and a text or page that is no article (a bot check, a missing page, a bare menu)
/// fails with `notArticle`; then ``LanguageDetector`` sets `language` from the body, with the language
/// the parser found (the envelope's, else the page's) as the hint.
public struct StandardArticleParser: ArticleParser {
    /// The parser for raw scraped text.
    public var text: RawTextParser
    /// The parser for web pages.
    public var html: HTMLParser
    /// The language detector applied to every body; `nil` keeps the declared language (pass-through).
    public var language: LanguageDetector?

    /// Creates a parser.
    public init(
        text: RawTextParser = RawTextParser(),
        html: HTMLParser = HTMLParser(),
        language: LanguageDetector? = LanguageDetector()
    ) {
        self.text = text
        self.html = html
        self.language = language
    }

    /// Parses the envelope's content, then detects the body's language.
    public func parse(_ envelope: Envelope) throws(ParseError) -> Article {
        var article = try parseContent(envelope)
        if let language {
            article.language = language.language(of: article.body, hint: article.language)
        }
        return article
    }

    private func parseContent(_ envelope: Envelope) throws(ParseError) -> Article {
        switch envelope.content {
        case .body(let body):
            guard body.utf8.contains(where: { $0 > 0x20 }) else {
                throw ParseError(code: .emptyBody, detail: "body is empty")
            }
            return Article(
                url: envelope.url,
                title: envelope.title,
                publishedAt: envelope.publishedAt,
                language: envelope.language,
                body: body
            )
        case .text(let text):
            return try Self.rejectingNonArticles(self.text.parse(text, envelope: envelope))
        case .html(let page):
            return try Self.rejectingNonArticles(html.parse(page, envelope: envelope))
        }
    }

    /// `article`, unless its body is a bot check, an error page or a menu (a page, not a body the sender vouches for).
    private static func rejectingNonArticles(_ article: Article) throws(ParseError) -> Article {
        if let reason = NonArticlePages.reason(article) { throw ParseError(code: .notArticle, detail: reason) }
        return article
    }
}

/// The default parser: `.body` is taken unchanged, `.text` goes to ``RawTextParser``, `.html` to
/// ``HTMLParser``.
public struct StandardArticleParser: ArticleParser {
    /// The parser for raw scraped text.
    public var text: RawTextParser
    /// The parser for web pages.
    public var html: HTMLParser

    /// Creates a parser.
    public init(text: RawTextParser = RawTextParser(), html: HTMLParser = HTMLParser()) {
        self.text = text
        self.html = html
    }

    public func parse(_ envelope: Envelope) throws(ParseError) -> Article {
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
            return try self.text.parse(text, envelope: envelope)
        case .html(let page):
            return try html.parse(page, envelope: envelope)
        }
    }
}

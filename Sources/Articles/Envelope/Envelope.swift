/// One input message: an article to enrich plus what the sender knows about it.
///
/// Decode payloads with ``decode(_:limits:)``. Field names on the wire are snake_case:
/// `id`, `url`, `source`, `title`, `published_at`, `language`, `metadata`, and exactly one of
/// `text`, `html` or `body`.
public struct Envelope: Sendable {
    /// The article content and how to read it.
    public enum Content: Sendable, Hashable {
        /// Raw scraped text with boilerplate to clean.
        case text(String)
        /// A web page.
        case html(String)
        /// Clean text taken as is; output offsets refer to it unchanged.
        case body(String)
    }

    /// The sender's identifier, echoed in the output.
    public var id: String?
    /// The article URL.
    public var url: String?
    /// The sender's source name (feed, site), echoed in the output.
    public var source: String?
    /// The article title; wins over a title found in the content.
    public var title: String?
    /// The publication time as sent (ISO 8601 expected, not checked).
    public var publishedAt: String?
    /// The language tag as sent (BCP 47 expected, not checked).
    public var language: String?
    /// Arbitrary sender metadata, echoed in the output unchanged.
    public var metadata: JSONValue?
    /// The content.
    public var content: Content

    /// Creates an envelope.
    public init(
        id: String? = nil,
        url: String? = nil,
        source: String? = nil,
        title: String? = nil,
        publishedAt: String? = nil,
        language: String? = nil,
        metadata: JSONValue? = nil,
        content: Content
    ) {
        self.id = id
        self.url = url
        self.source = source
        self.title = title
        self.publishedAt = publishedAt
        self.language = language
        self.metadata = metadata
        self.content = content
    }
}

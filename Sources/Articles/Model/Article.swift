/// An article recovered from an ``Envelope``: clean body text plus what was found around it.
public struct Article: Sendable {
    /// The article URL.
    public var url: String?
    /// The headline.
    public var title: String?
    /// Story highlights (bullet points before the body).
    public var highlights: [String]
    /// The dateline that opened the body.
    public var dateline: Dateline?
    /// Authors named in a byline or page metadata.
    public var authors: [String]
    /// People credited in a closing contributor line.
    public var contributors: [String]
    /// The publication time (ISO 8601 as found).
    public var publishedAt: String?
    /// The language tag.
    public var language: String?
    /// The clean body: paragraphs separated by `"\n\n"`.
    public var body: String
    /// Videos, images and captions taken out of the body.
    public var media: [MediaItem]
    /// Other blocks left out of the body.
    public var removed: [RemovedBlock]

    /// Creates an article.
    public init(
        url: String? = nil,
        title: String? = nil,
        highlights: [String] = [],
        dateline: Dateline? = nil,
        authors: [String] = [],
        contributors: [String] = [],
        publishedAt: String? = nil,
        language: String? = nil,
        body: String,
        media: [MediaItem] = [],
        removed: [RemovedBlock] = []
    ) {
        self.url = url
        self.title = title
        self.highlights = highlights
        self.dateline = dateline
        self.authors = authors
        self.contributors = contributors
        self.publishedAt = publishedAt
        self.language = language
        self.body = body
        self.media = media
        self.removed = removed
    }
}

/// An envelope whose content could not be turned into an ``Article``.
public struct ParseError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable snake_case string (metrics label, dead-letter `reason`).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable snake_case name.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// No body text is left after cleaning.
        public static let emptyBody = Code("empty_body")
        /// The page is no article: a bot check, an error page or a bare menu (``NonArticlePages``).
        public static let notArticle = Code("not_article")
        /// The HTML could not be parsed at all.
        public static let htmlUnparseable = Code("html_unparseable")
    }

    /// What went wrong.
    public var code: Code
    /// A human-readable explanation.
    public var detail: String

    /// Creates an error.
    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "article parse failed: \(code): \(detail)" }
}

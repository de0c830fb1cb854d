/// An enricher that could not analyse an article.
public struct EnrichmentError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable snake_case string (metrics label, dead-letter `reason`).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable snake_case name.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The analysis failed.
        public static let failed = Code("enrichment_failed")
        /// The input is beyond what the enricher handles (size, language).
        public static let unsupportedInput = Code("unsupported_input")
        /// A model or table the enricher needs is missing.
        public static let resourceUnavailable = Code("resource_unavailable")
    }

    /// What went wrong.
    public var code: Code
    /// The enricher that failed.
    public var enricher: String
    /// A human-readable explanation.
    public var detail: String

    /// Creates an error.
    public init(code: Code, enricher: String, detail: String) {
        self.code = code
        self.enricher = enricher
        self.detail = detail
    }

    public var description: String { "enricher \(enricher) failed: \(code): \(detail)" }
}

/// Everything the enrichers found about an article; each field is `nil` until its enricher ran.
public struct Enrichments: Sendable {
    /// Size and reading-time figures.
    public var stats: TextStats?

    /// Creates an empty result.
    public init(stats: TextStats? = nil) {
        self.stats = stats
    }
}

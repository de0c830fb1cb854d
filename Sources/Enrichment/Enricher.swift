public import Articles

/// One kind of text analysis, run on every article.
///
/// Enrichers are values shared by all workers; they must not keep per-article state.
public protocol Enricher: Sendable {
    /// A short stable name (`text_stats`), used in logs and metrics.
    var name: String { get }

    /// Analyses `article` and stores the findings in `result`.
    ///
    /// - Parameters:
    ///   - article: The parsed article.
    ///   - result: The enrichments so far; set the fields this enricher owns.
    /// - Throws: ``EnrichmentError`` when the analysis cannot be done.
    func enrich(_ article: Article, into result: inout Enrichments) throws(EnrichmentError)
}

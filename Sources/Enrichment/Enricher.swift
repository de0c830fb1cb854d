public import Articles

/// One kind of text analysis, run on every article.
///
/// Enrichers are values shared by all workers; they must not keep per-article state.
public protocol Enricher: Sendable {
    /// A short stable name (`text_stats`), used in logs and metrics.
    var name: String { get }

    /// Analyses an article and stores the findings in `result`.
    ///
    /// - Parameters:
    ///   - text: The parsed article with its tokens and sentences (computed once for all enrichers).
    ///   - result: The enrichments so far; set the fields this enricher owns.
    /// - Throws: ``EnrichmentError`` when the analysis cannot be done.
    func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError)
}

extension Enricher {
    /// Analyses `article` on its own (tests, benchmarks).
    public func enrich(_ article: Article, into result: inout Enrichments) throws(EnrichmentError) {
        try enrich(ArticleText(article), into: &result)
    }
}

/// Everything the enrichers found about an article; each field is `nil` until its enricher ran.
public struct Enrichments: Sendable {
    /// Size and reading-time figures.
    public var stats: TextStats?
    /// Named entities, most salient first.
    public var entities: [Entity]?
    /// Location mentions resolved to gazetteer places, most mentioned first.
    public var places: [Place]?
    /// The countries the article is about, most relevant first.
    public var countries: [CountryScore]?
    /// Keyphrases, best first.
    public var keywords: [Keyphrase]?
    /// The extractive summary, in article order.
    public var summary: [SummarySentence]?
    /// Quotations and reported speech with their speakers, in body order.
    public var quotes: [Quote]?
    /// Numbers with what they count or measure, in body order.
    public var quantities: [Quantity]?
    /// Dates and periods, in body order.
    public var dates: [DateReference]?
    /// Document and per-entity tone.
    public var sentiment: Sentiment?
    /// Near-duplicate fingerprints.
    public var fingerprint: Fingerprint?
    /// A recent near-duplicate seen by this worker (set by the pipeline's duplicate index).
    public var duplicateOf: Duplicate?

    /// Creates an empty result.
    public init(stats: TextStats? = nil, entities: [Entity]? = nil) {
        self.stats = stats
        self.entities = entities
    }
}

public import Articles

/// Quotations with their speakers (`enrichment.quotes`).
///
/// Direct quotes are the spans between quotation marks (``QuoteSpans``) of four words or more —
/// shorter ones are scare quotes or titles. The attribution is looked for after the closing mark
/// (`…,” said Igor Konashenkov.`, `…,” he said.`) and then before the opening one in the same
/// sentence (`Kerry told reporters: “…”`, `According to the ministry, “…”`); a quote with neither
/// takes the speaker of the quote just before it in the same paragraph (a quote interrupted by its
/// attribution). The speaker phrase is resolved to an entity (`enrichment.entities`): a name inside
/// it, else for `he`/`she` or `the spokesman` the last person named before the quote. Titles before
/// the name (`Ministry spokesman Igor Konashenkov`) or in apposition (`Kerry, the secretary of state,`)
/// become the `role`. Indirect quotes are sentences without marks of the form `X said (that) …` or
/// `…, X said.` where X is a named person or organisation or a pronoun for one. Reads the entities
/// (run ``EntityEnricher`` first).
public struct QuoteEnricher: Enricher {
    public var name: String { "quotes" }

    /// Creates the enricher.
    public init() {}

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let entities = result.entities ?? []
        let quotes = text.bytes.withUnsafeBufferPointer { buffer in
            QuoteReader(buffer: buffer, text: text, entities: entities).quotes()
        }
        result.quotes = quotes
    }
}

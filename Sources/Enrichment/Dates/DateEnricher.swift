public import Articles

/// Dates and periods named in the body, resolved against the publication date (`enrichment.dates`).
///
/// Finds month-day dates with or without year and weekday (`Friday, February 5`, `5 May 2013`,
/// `Feb. 22`), months (`March 1987`, `in March`, `mid-March`), weekdays (`Thursday`, `last Friday`,
/// `Monday morning`), `yesterday`/`today`/`tomorrow`/`tonight`, `last`/`this`/`next` (and `earlier`/
/// `later this`) week, month or year, quarters (`the first quarter`) and years after a preposition
/// (`in 1986`, `fiscal 1987`, `1986/87`). Relative expressions are resolved against
/// `article.published_at`: a weekday is the last one before it unless the sentence speaks of the
/// future (`will`, `next`, `due`, `scheduled`), then the next one after it; a date without a year is
/// taken in the publication year unless that puts it over two months on the wrong side. Without a
/// publication date, relative expressions keep `resolved: null` — never a guess.
public struct DateEnricher: Enricher {
    public var name: String { "dates" }

    /// Creates the enricher.
    public init() {}

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let published = text.article.publishedAt.flatMap { CalendarDay(iso: $0) }
        var found: [DateReference] = []
        let tokens = text.tokens
        let keys = text.keys
        text.bytes.withUnsafeBufferPointer { buffer in
            let reader = DateReader(buffer: buffer, tokens: tokens, keys: keys, text: text, published: published)
            let starters = DateReader.starters
            var k = 0
            while k < tokens.count {
                guard tokens[k].flags.contains(.hasDigit) || starters.contains(keys[k]) else {
                    k += 1
                    continue
                }
                if let (reference, next) = reader.read(at: k) {
                    found.append(reference)
                    k = next
                } else {
                    k += 1
                }
            }
        }
        result.dates = found
    }
}

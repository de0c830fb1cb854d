/// The metadata of a page, resolved from everything ``HTMLPageScan`` collected.
///
/// * Title: the first `<h1>` or JSON-LD `headline` that matches the `<title>` or one of its parts
///   (`Headline | Site`, `Headline - Site`, `Site » Headline`); else an `<h1>` that `og:title` confirms;
///   else the main part of a `<title>` with a
///   site name in it; else a headline matching `og:title`; else `og:title`, `headline`, `<title>`, `<h1>`.
/// * Authors: JSON-LD `author` names and `meta name=author` / `article:author` (not URLs), else
///   `rel=author` / `itemprop=author`, else byline-class elements; cleaned by ``AuthorNames``.
/// * Published: JSON-LD `datePublished`, `article:published_time`, `itemprop=datePublished`, `<time
///   datetime>`, then `meta name=date`-like tags; normalised to ISO 8601 by ``PublicationDate``.
/// * URL: `link rel=canonical`, `og:url`, JSON-LD `url`. Language: `<html lang>`, JSON-LD `inLanguage`.
struct HTMLMetadata {
    var title: String?
    var authors: [String]
    var publishedAt: String?
    var url: String?
    var language: String?

    init(_ scan: HTMLPageScan) {
        let ld = JSONLDArticle(blocks: scan.jsonLD)
        title = Self.title(
            titleTag: scan.title,
            openGraph: scan.ogTitle,
            headline: ld.headline,
            headings: Array(scan.headings.prefix(2))
        )
        var authors = AuthorNames.clean(ld.authors + scan.authors)
        if authors.isEmpty { authors = AuthorNames.clean(scan.authorLinks) }
        if authors.isEmpty { authors = AuthorNames.clean(scan.bylines.prefix(1).map { $0 }) }
        self.authors = Array(authors.prefix(8))
        let dates =
            [ld.datePublished, scan.publishedAt].compactMap { $0 } + scan.itemDates + scan.times
            + scan.metaDates + scan.textDates
        publishedAt = dates.lazy.compactMap(PublicationDate.normalise).first
        url = scan.canonical.flatMap { $0.hasPrefix("http") ? $0 : nil } ?? scan.url ?? ld.url ?? scan.canonical
        language = scan.language ?? ld.language
    }

    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " -- ", " » ", " · ", " // ", " : "]

    /// Picks the headline (whitespace runs, Unicode spaces included, become one space): an `<h1>` or the
    /// JSON-LD headline equal to the `<title>` or one of its parts; else an `<h1>` equal to `og:title` or
    /// one of its parts; else the main part of a `<title>` with a site name in it; else a candidate equal
    /// to `og:title` or one of its parts, or a prefix of either reference; else the main part of
    /// `og:title`, the JSON-LD headline, the main part of `<title>`, the first `<h1>`.
    static func title(titleTag: String?, openGraph: String?, headline: String?, headings: [String]) -> String? {
        let clean = { (s: String?) -> String? in
            guard let words = s?.split(whereSeparator: \.isWhitespace), !words.isEmpty else { return nil }
            return words.joined(separator: " ")
        }
        let titleTag = clean(titleTag)
        let openGraph = clean(openGraph)
        let headline = clean(headline)
        let candidates = headings.compactMap(clean) + [headline].compactMap { $0 }
        let key = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber } }
        let matching = { (reference: String?) -> String? in
            guard let reference else { return nil }
            let keys = Set([key(reference)] + parts(reference).map(key))
            return candidates.first { keys.contains(key($0)) && key($0).count >= 4 }
        }
        if let candidate = matching(titleTag) { return candidate }
        // The visible headline confirmed by the social title.
        if let heading = headings.first.flatMap(clean), let og = openGraph,
            key(heading).count >= 4, Set([key(og)] + parts(og).map(key)).contains(key(heading))
        {
            return heading
        }
        // A `<title>` with a site name cut off is the page's own name for the story; `og:title` and
        // headlines are often a social or display variant of it.
        if let titleTag, parts(titleTag).count > 1, case let main = mainPart(titleTag), main != titleTag {
            return main
        }
        if let candidate = matching(openGraph) { return candidate }
        let references = [titleTag, openGraph].compactMap { $0 }
        for candidate in candidates where key(candidate).count >= 10 {
            if references.contains(where: { key($0).hasPrefix(key(candidate)) }) { return candidate }
        }
        return openGraph.map(mainPart) ?? headline ?? titleTag.map(mainPart) ?? candidates.first
    }

    /// The title cut at site separators.
    static func parts(_ title: String) -> [String] {
        var parts = [Substring(title)]
        for separator in separators {
            parts = parts.flatMap { $0.split(separator: separator) }
        }
        return parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// The longest part of a title with a site name before or after it.
    static func mainPart(_ title: String) -> String {
        let parts = parts(title)
        guard parts.count > 1, let longest = parts.max(by: { $0.count < $1.count }),
            longest.split(separator: " ").count >= 3 || longest.count >= 12
        else { return title }
        return longest
    }
}

/// The metadata of a page, resolved from everything ``HTMLPageScan`` collected.
///
/// * Title: the first `<h1>`, JSON-LD `headline` or `og:title` that matches the `<title>` or one of its
///   parts (`Headline | Site`, `Headline - Site`, `Site » Headline`); else the longest part of `<title>`;
///   else `og:title`, `headline`, `<h1>`.
/// * Authors: JSON-LD `author` names, else `meta name=author` / `article:author` (not URLs), else
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
        var authors = AuthorNames.clean(ld.authors)
        if authors.isEmpty { authors = AuthorNames.clean(scan.authors) }
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

    /// Picks the headline: an `<h1>` or the JSON-LD headline equal to the `<title>`, the
    /// `og:title` or one of their parts; else the main part of `og:title`, the JSON-LD headline, the main
    /// part of `<title>`, the first `<h1>`.
    static func title(titleTag: String?, openGraph: String?, headline: String?, headings: [String]) -> String? {
        let clean = { (s: String?) -> String? in
            guard let t = s?.trimmingCharacters(), !t.isEmpty else { return nil }
            return t
        }
        let titleTag = clean(titleTag)
        let openGraph = clean(openGraph)
        let headline = clean(headline)
        let candidates = headings.compactMap(clean) + [headline].compactMap { $0 }
        let references = [titleTag, openGraph].compactMap { $0 }
        let key = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber } }
        var referenceKeys: Set<String> = []
        for reference in references {
            referenceKeys.insert(key(reference))
            for part in parts(reference) { referenceKeys.insert(key(part)) }
        }
        for candidate in candidates {
            let c = key(candidate)
            if c.count >= 4 && referenceKeys.contains(c) { return candidate }
        }
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

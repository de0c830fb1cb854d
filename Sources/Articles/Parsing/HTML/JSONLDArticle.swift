/// Article metadata read from a page's JSON-LD blocks (schema.org `NewsArticle` and kin).
///
/// Each block is parsed with ``JSONReader``; top-level arrays and `@graph` lists are searched for an
/// object whose `@type` ends in `Article` (or is `BlogPosting`, `Report`, `WebPage`), article types first.
/// Malformed blocks are skipped.
struct JSONLDArticle {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var url: String?
    var language: String?

    init(blocks: [[UInt8]]) {
        var best: JSONValue?
        var bestRank = 0
        for block in blocks {
            guard let value = try? JSONReader.parse(block, maxDepth: 32) else { continue }
            var queue: [JSONValue] = [value]
            var visited = 0
            while let item = queue.popLast(), visited < 256 {
                visited += 1
                if let array = item.arrayValue {
                    queue.append(contentsOf: array.reversed())
                    continue
                }
                guard item.objectValue != nil else { continue }
                if let graph = item["@graph"]?.arrayValue { queue.append(contentsOf: graph.reversed()) }
                let rank = Self.rank(item["@type"])
                if rank > bestRank {
                    bestRank = rank
                    best = item
                }
            }
        }
        guard let best else { return }
        headline = Self.text(best["headline"]) ?? Self.text(best["name"])
        datePublished = Self.text(best["datePublished"]) ?? Self.text(best["dateCreated"])
        url = Self.text(best["url"]) ?? Self.text(best["mainEntityOfPage"]?["@id"])
        language = Self.text(best["inLanguage"])
        let people = Self.names(best["author"], people: true)
        authors = people.isEmpty ? Self.names(best["author"], people: false) : people
        if authors.isEmpty { authors = Self.names(best["creator"], people: false) }
    }

    private static func rank(_ type: JSONValue?) -> Int {
        let types = type?.arrayValue?.compactMap(\.stringValue) ?? type?.stringValue.map { [$0] } ?? []
        var best = 0
        for t in types {
            if t.hasSuffix("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" {
                best = max(best, 3)
            } else if t == "WebPage" || t == "ItemPage" {
                best = max(best, 1)
            }
        }
        return best
    }

    private static func text(_ value: JSONValue?) -> String? {
        guard let s = value?.stringValue ?? value?[0]?.stringValue else { return nil }
        let trimmed = s.trimmingCharacters()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Names of `Person` (and, unless `people`, `Organization`) values, strings, or arrays of them.
    private static func names(_ value: JSONValue?, people: Bool) -> [String] {
        guard let value else { return [] }
        if let array = value.arrayValue { return array.prefix(16).flatMap { names($0, people: people) } }
        if let s = value.stringValue { return [s] }
        if people, let type = value["@type"]?.stringValue, type != "Person" { return [] }
        if let name = value["name"] {
            return name.stringValue.map { [$0] } ?? name.arrayValue?.compactMap(\.stringValue) ?? []
        }
        return []
    }
}

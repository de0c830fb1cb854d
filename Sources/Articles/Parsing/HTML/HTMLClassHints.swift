import CLibXML2

/// What an element's `class` and `id` say about its content, read as ASCII-lower-cased bytes.
///
/// Positive words (`article`, `content`, `story`, `body`, `entry`, `post`, `text`, `main`) add 25 each
/// for class and id; negative words (`comment`, `share`, `social`, `related`, `nav`, `footer`, `promo`,
/// `newsletter`, `cookie`, `sidebar`, `byline`, `caption`, `advert` ...) subtract 25. A strongly negative
/// element (a negative word and no positive one) is boilerplate wherever it sits inside the content.
enum HTMLClassHints {
    private static let positive: [[UInt8]] = [
        "article", "content", "story", "body", "entry", "post", "text", "main", "blog",
    ].map { Array($0.utf8) }
    private static let negative: [[UInt8]] = [
        "comment", "share", "sharing", "social", "related", "nav", "menu", "footer", "foot", "promo", "newsletter",
        "cookie", "consent", "sidebar", "widget", "byline", "caption", "advert", "banner", "sponsor", "subscribe",
        "signup", "breadcrumb", "masthead", "outbrain", "taboola", "recommend", "popular", "trending", "tags",
        "toolbar", "modal", "popup", "disclaimer", "copyright", "more-stories", "read-more", "readmore",
        "teaser", "hidden", "skip", "print", "author", "credit", "timestamp", "dateline", "rating", "login",
    ].map { Array($0.utf8) }

    /// The class/id weight: +25 or −25 per attribute.
    static func weight(_ node: xmlNodePtr) -> Int {
        var total = 0
        for attribute in ["class", "id"] {
            guard let value = HTMLNode.attributeBytes(node, attribute), !value.isEmpty else { continue }
            let (pos, neg) = classify(value)
            if neg { total -= 25 }
            if pos { total += 25 }
        }
        return total
    }

    /// Whether the element's class or id names boilerplate and nothing positive.
    static func isBoilerplate(_ node: xmlNodePtr) -> Bool {
        var negative = false
        for attribute in ["class", "id"] {
            guard let value = HTMLNode.attributeBytes(node, attribute), !value.isEmpty else { continue }
            let (pos, neg) = classify(value)
            if pos { return false }
            if neg { negative = true }
        }
        return negative
    }

    private static func classify(_ value: [UInt8]) -> (positive: Bool, negative: Bool) {
        let lowered = value.map { ByteSearch.lower($0) }
        return lowered.withUnsafeBufferPointer { buffer in
            let pos = positive.contains { ByteSearch.contains(buffer, 0, buffer.count, $0) }
            var neg = negative.contains { ByteSearch.contains(buffer, 0, buffer.count, $0) }
            if !neg {
                // "ad" only as a whole word or hyphenated part: "ad-slot", "top-ad", "ads".
                for word in lowered.split(whereSeparator: { $0 == 0x20 || $0 == UInt8(ascii: "_") }) {
                    let w = Array(word)
                    if w == Array("ad".utf8) || w == Array("ads".utf8) || w.starts(with: Array("ad-".utf8))
                        || w.starts(with: Array("ads-".utf8)) || w.reversed().starts(with: Array("da-".utf8))
                    {
                        neg = true
                    }
                }
            }
            return (pos, neg)
        }
    }
}

/// Interface text that scrapers pick up along with articles (share, subscribe, notification prompts).
enum Boilerplate {
    /// Phrases that mark a short line as page interface rather than article text.
    private static let interfacePhrases = ByteSearch.NeedleSet([
        "read more", "share this", "share on", "share via", "share with", "share to", "subscribe", "sign up", "sign in", "log in", "newsletter",
        "notification", "notify you", "follow us", "click here", "tap here", "advertisement", "cookie",
        "all rights reserved", "min read", "download the app", "get the app", "skip to", "comments (", "view comments",
        "offon", "toggle", "privacy policy", "terms of use", "terms of service", "back to top", "show more",
        "load more", "watch live", "copy link", "print this", "email this", "share link", "related stories",
        "continue reading", "must watch",
    ])
    private static let readMore: [UInt8] = Array("read more".utf8)

    /// Whether the line in `buffer[start..<end]` is interface text.
    static func isInterfaceText(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        ByteSearch.containsAny(buffer, start, end, interfacePhrases)
    }

    /// Whether the line in `buffer[start..<end]` is a "Read More" link.
    static func isReadMore(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        ByteSearch.contains(buffer, start, end, readMore)
    }

    private static let linkLabels: [[UInt8]] = ["more:", "related:", "read more:", "read:", "watch:", "see also:", "also read:"].map {
        Array($0.utf8)
    }

    /// Whether the line in `buffer[start..<end]` is a link to another story: an upper-case label
    /// (`MORE: …`, `READ: …`, `RELATED: …`) at any headline length, or `Read …'s review … for more`.
    static func isStoryLink(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, words: Int) -> Bool {
        guard words <= 30, end - start > 6 else { return false }
        if buffer[start + 1] &- UInt8(ascii: "A") < 26,
            linkLabels.contains(where: { end - start > $0.count + 2 && ByteSearch.hasPrefix(buffer, start, end, $0) })
        {
            return true
        }
        return words <= 25 && ByteSearch.hasPrefix(buffer, start, end, read) && ByteSearch.contains(buffer, start, end, forMore)
    }

    private static let read = Array("read ".utf8)
    private static let forMore = Array(" for more".utf8)

    /// Publisher text around an article's prose that is not navigation.
    enum Note {
        /// A shopping call to action with a price (`Get it from Acme for $9.55.`, `$60 at Acme`), or a call
        /// to follow the publisher (`Follow X on Instagram …`) at the article's edge.
        case promo
        /// An affiliate-link disclosure (`… we may earn a commission`).
        case disclosure
        /// An editor's note about the story itself (`This story will be updated.`).
        case editorNote
    }

    private static let promoOpenings: [[UInt8]] = ["get ", "buy ", "shop ", "order "].map { Array($0.utf8) }
    private static let disclosurePhrases = ByteSearch.NeedleSet([
        "share of sales", "affiliate commission", "earn a commission", "get a commission", "earn a small", "a commission for",
    ])
    private static let followOpenings: [[UInt8]] = ["follow ", "sign up for ", "subscribe to "].map { Array($0.utf8) }
    private static let socialNames = ByteSearch.NeedleSet(["instagram", "twitter", "facebook", "newsletter", "tiktok", "youtube"])
    private static let at = Array(" at ".utf8)
    private static let from = Array(" from ".utf8)
    private static let link = Array("link".utf8)
    private static let commission = Array("commission".utf8)
    private static let shareOfSales = Array("share of sales".utf8)
    private static let editorPhrases = ByteSearch.NeedleSet([
        "will be updated", "developing story", "edited for length", "has been updated", "has been corrected",
    ])
    private static let editorOpenings: [[UInt8]] = [
        "this story", "this article", "this post", "this report", "this breaking", "this is ", "reviews ", "the reviews ",
        "editor's note", "correction",
    ].map { Array($0.utf8) }

    /// What publisher note the line in `buffer[start..<end]` (`words` long) is, if any; disclosures are
    /// looked for only at the `edge` of the article (its first or last lines), where pages put them.
    static func note(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, words: Int, edge: Bool) -> Note? {
        if words <= 20, hasPrice(buffer, start, end) {
            // `Get it from X for $9`, or a price first: `$60 at X`, `$60 from X`.
            let opening = promoOpenings.contains { ByteSearch.hasPrefix(buffer, start, end, $0) }
            if opening || buffer[start] == UInt8(ascii: "$") || buffer[start] == 0xC2 || buffer[start] == 0xE2,
                opening || ByteSearch.contains(buffer, start, min(end, start + 16), at)
                    || ByteSearch.contains(buffer, start, min(end, start + 16), from)
            {
                return .promo
            }
        }
        // `Follow X Travel on Instagram, Twitter and Facebook. And sign up for our newsletter …` at the end.
        if edge, words <= 60, followOpenings.contains(where: { ByteSearch.hasPrefix(buffer, start, end, $0) }),
            ByteSearch.containsAny(buffer, start, end, socialNames)
        {
            return .promo
        }
        if edge, words <= 80,
            ByteSearch.contains(buffer, start, end, commission) || ByteSearch.contains(buffer, start, end, shareOfSales),
            ByteSearch.containsAny(buffer, start, end, disclosurePhrases),
            ByteSearch.contains(buffer, start, end, link)
        {
            return .disclosure
        }
        // `This story has been updated …`, `Reviews have been edited for length …`.
        if words <= 20, editorOpenings.contains(where: { ByteSearch.hasPrefix(buffer, start, end, $0) }),
            ByteSearch.containsAny(buffer, start, end, editorPhrases)
        {
            return .editorNote
        }
        return nil
    }

    /// Whether the line has a price: a currency sign (`$`, `£`, `€`) right before a digit.
    private static func hasPrice(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + 1 < end {
            let b = buffer[i]
            // `$9.55`, and `$ 9.55` as some scrapers space it.
            if b == UInt8(ascii: "$"),
                buffer[i + 1] &- 0x30 < 10 || buffer[i + 1] == 0x20 && i + 2 < end && buffer[i + 2] &- 0x30 < 10
            {
                return true
            }
            if b == 0xC2, i + 2 < end, buffer[i + 1] == 0xA3, buffer[i + 2] &- 0x30 < 10 { return true }  // £
            if b == 0xE2, i + 3 < end, buffer[i + 1] == 0x82, buffer[i + 2] == 0xAC, buffer[i + 3] &- 0x30 < 10 { return true }  // €
            i += 1
        }
        return false
    }
}

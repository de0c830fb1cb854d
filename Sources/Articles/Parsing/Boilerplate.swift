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
}

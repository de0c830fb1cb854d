/// Interface text that scrapers pick up along with articles (share, subscribe, notification prompts).
enum Boilerplate {
    /// Phrases that mark a short line as page interface rather than article text.
    private static let interfacePhrases = [
        "read more", "share this", "share on", "share via", "subscribe", "sign up", "sign in", "log in", "newsletter",
        "notification", "notify you", "follow us", "click here", "tap here", "advertisement", "cookie",
        "all rights reserved", "min read", "download the app", "get the app", "skip to", "comments (", "view comments",
        "offon", "toggle", "privacy policy", "terms of use", "terms of service", "back to top", "show more",
        "load more", "watch live", "copy link", "print this", "email this",
    ]

    /// Whether `line` (a short line) is interface text.
    static func isInterfaceText(_ line: String) -> Bool {
        let lower = line.lowercased()
        for phrase in interfacePhrases where lower.contains(phrase) { return true }
        return false
    }

    /// Whether `line` is a "Read More" link.
    static func isReadMore(_ line: String) -> Bool {
        line.lowercased().contains("read more")
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pages a crawler fetched that are no article: a bot check, an error or consent page, or a site's
/// navigation menu with no text.
enum NonArticlePages {
    /// Why `body` is no article, or `nil` when it may be one.
    ///
    /// * An interstitial: under 150 words, with two phrases of a bot check, a missing page or a script
    ///   or cookie wall in its title and first 400 bytes (`let us know you're not a robot`, `page not
    ///   found`, `enable JavaScript`), or one in a page under 40 words.
    /// * A menu: one paragraph of 20 words or more without a single sentence end, most of them
    ///   capitalised but not in capitals (a headline), few digits (a table of figures is text).
    static func reason(_ article: Article) -> String? {
        var body = article.body
        return body.withUTF8 { buffer -> String? in
            // Most bodies can be neither: over 2,000 bytes (150 words) and in more than one paragraph.
            if buffer.count > 2_000, let base = buffer.baseAddress, memchr(base, 0x0A, buffer.count) != nil { return nil }
            var words = 0
            var capitalised = 0
            var digits = 0
            var letters = 0
            var lower = 0
            var paragraphs = 1
            var sentenceEnd = false
            var previousSpace = true
            for (k, b) in buffer.enumerated() {
                let space = b == 0x20 || b == 0x0A
                if !space && previousSpace {
                    words += 1
                    if b &- UInt8(ascii: "A") < 26 { capitalised += 1 }
                }
                if b &- UInt8(ascii: "0") < 10 {
                    digits += 1
                } else if (b | 0x20) &- UInt8(ascii: "a") < 26 {
                    letters += 1
                    if b &- UInt8(ascii: "a") < 26 { lower += 1 }
                } else if b == 0x0A {
                    if k > 0, buffer[k - 1] != 0x0A { paragraphs += 1 }
                } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") {
                    if k + 1 == buffer.count || buffer[k + 1] == 0x20 || buffer[k + 1] == 0x0A { sentenceEnd = true }
                }
                previousSpace = space
            }
            if words < 150, ByteSearch.containsAny(buffer, 0, min(buffer.count, 400), interstitialPhrases) {
                // Two of the phrases in the title and the opening, or one in a page of a few lines; a
                // news brief that quotes one (`an error page reading "access denied"`) is news.
                var title = article.title ?? ""
                let found = title.withUTF8 { titleBytes in
                    interstitialPhrases.needles.count { needle in
                        ByteSearch.contains(buffer, 0, min(buffer.count, 400), needle)
                            || ByteSearch.contains(titleBytes, 0, titleBytes.count, needle)
                    }
                }
                if found >= 2 || words < 40 {
                    return "an interstitial page (a bot check, a missing page or a script or cookie wall), not an article"
                }
            }
            if words >= 20, paragraphs == 1, !sentenceEnd, capitalised * 10 >= words * 6, lower * 2 >= letters, digits * 20 < letters {
                return "a navigation menu without a sentence, not an article"
            }
            return nil
        }
    }

    /// The wording of bot checks, missing pages and script or cookie walls.
    static let interstitialPhrases = ByteSearch.NeedleSet([
        "not a robot", "unusual activity from your", "enable javascript", "javascript and cookies", "javascript is disabled",
        "enable cookies", "access denied", "verify you are human", "verify that you are human", "are you a robot",
        "captcha", "page not found", "404 not found", "page you requested", "page you are looking for",
        "page you were looking for", "this page is not available", "this page isn't available",
    ])
}

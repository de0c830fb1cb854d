public import Articles

/// Counts characters, words, sentences and paragraphs of the body and estimates reading time.
///
/// Characters are Unicode scalars. Words are whitespace-separated tokens holding a letter or digit.
/// Sentences follow ``SentenceBoundaries``. Paragraphs are blocks separated by blank lines. Reading time
/// assumes 238 words per minute, rounded up, at least one second for a non-empty body.
public struct TextStatsEnricher: Enricher {
    /// Words per minute assumed for reading time.
    public static let wordsPerMinute = 238

    public var name: String { "text_stats" }

    /// Creates the enricher.
    public init() {}

    public func enrich(_ article: Article, into result: inout Enrichments) throws(EnrichmentError) {
        result.stats = Self.stats(of: article.body)
    }

    /// The figures for `text`.
    public static func stats(of text: String) -> TextStats {
        var text = text
        return text.withUTF8 { stats(of: $0) }
    }

    static func stats(of buffer: UnsafeBufferPointer<UInt8>) -> TextStats {
        var characters = 0
        var words = 0
        var paragraphs = 0
        var inToken = false
        var tokenHasWordChar = false
        var lineHasText = false
        var blankRun = true  // at a paragraph boundary
        var i = 0
        let count = buffer.count
        while i < count {
            let b = buffer[i]
            if b & 0xC0 != 0x80 { characters += 1 }
            switch b {
            case 0x0A:
                if !lineHasText { blankRun = true }
                lineHasText = false
                fallthrough
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
                if inToken && tokenHasWordChar { words += 1 }
                inToken = false
                tokenHasWordChar = false
            default:
                if !lineHasText {
                    lineHasText = true
                    if blankRun {
                        paragraphs += 1
                        blankRun = false
                    }
                }
                inToken = true
                if !tokenHasWordChar {
                    if b < 0x80 {
                        tokenHasWordChar = (b | 0x20) &- UInt8(ascii: "a") < 26 || b &- 0x30 < 10
                    } else if b >= 0xC3 {
                        // Letters from U+00C0 up; E2 (U+2000–U+2FFF, punctuation and symbols) and
                        // E3 80 (CJK punctuation) are not word characters.
                        tokenHasWordChar = b != 0xE2 && !(b == 0xE3 && i + 1 < count && buffer[i + 1] == 0x80)
                    }
                }
            }
            i += 1
        }
        if inToken && tokenHasWordChar { words += 1 }
        let sentences = SentenceBoundaries.count(in: buffer)
        let reading = words == 0 ? 0 : max(1, (words * 60 + wordsPerMinute - 1) / wordsPerMinute)
        return TextStats(
            characters: characters, words: words, sentences: sentences, paragraphs: paragraphs,
            readingTimeSeconds: reading)
    }
}

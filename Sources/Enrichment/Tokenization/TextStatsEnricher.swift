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

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let article = text.article
        result.stats = Self.stats(of: article.body)
    }

    /// The figures for `text`.
    public static func stats(of text: String) -> TextStats {
        var text = text
        return text.withUTF8 { stats(of: $0) }
    }

    /// Byte flags: 1 separator (space or line feed), 2 line feed, 4 word character (ASCII letter or
    /// digit, or the lead byte of a scalar from U+00C0 up, except E2 = U+2000–U+2FFF punctuation and
    /// symbols), 8 UTF-8 continuation byte.
    private static let byteFlags: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        switch b {
        case 0x0A: return 3
        case 0x20, 0x09, 0x0D, 0x0B, 0x0C: return 1
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 4
        case 0x80...0xBF: return 8
        case 0xE2: return 0
        case 0xC3...0xF4: return 4
        default: return 0
        }
    }

    static func stats(of buffer: UnsafeBufferPointer<UInt8>) -> TextStats {
        // Branch-free counting: one table look-up per byte.
        var continuation = 0
        var words = 0
        var paragraphs = 0
        var tokenHasWordChar = 0
        var lineHasText = 0
        var blankRun = 1  // at a paragraph boundary
        let count = buffer.count
        byteFlags.withUnsafeBufferPointer { table in
            for i in 0..<count {
                let f = Int(table[Int(buffer[i])])
                let separator = f & 1
                let lineFeed = (f >> 1) & 1
                let visible = separator ^ 1
                continuation &+= (f >> 3) & 1
                words &+= tokenHasWordChar & separator
                tokenHasWordChar = (tokenHasWordChar | ((f >> 2) & 1)) & visible
                paragraphs &+= visible & blankRun
                blankRun = (blankRun | (lineFeed & (lineHasText ^ 1))) & separator
                lineHasText = (lineHasText | visible) & (lineFeed ^ 1)
            }
        }
        words &+= tokenHasWordChar
        let characters = count - continuation
        let sentences = SentenceBoundaries.count(in: buffer)
        let reading = words == 0 ? 0 : max(1, (words * 60 + wordsPerMinute - 1) / wordsPerMinute)
        return TextStats(
            characters: characters,
            words: words,
            sentences: sentences,
            paragraphs: paragraphs,
            readingTimeSeconds: reading
        )
    }
}

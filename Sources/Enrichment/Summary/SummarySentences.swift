public import Articles

/// The candidate sentences of an article for the extractive summary, with the features the
/// ``SummaryEnricher`` scores.
///
/// Candidates are body sentences of 6 to 80 words; a sentence whose quotation marks do not balance
/// is a fragment of a longer quote and is left out. Features (``names`` gives their order) describe
/// position, length, how central the sentence's words are to the article,
/// quotes, numbers, named entities and openings that lean on the previous sentence (`He`, `But`).
public struct SummarySentences {
    /// One candidate.
    public struct Sentence: Sendable {
        /// Byte range in the body.
        public var bytes: Range<Int>
        /// Code-point range in the body.
        public var scalars: Range<Int>
        /// The feature vector, in ``SummarySentences/names`` order.
        public var features: [Double]
    }

    /// Feature names, in vector order.
    public static let names = [
        "bias", "pos0", "pos1", "pos2", "pos3", "pos4_5", "pos6_9", "relative_position", "length", "short",
        "centrality", "has_quote", "starts_with_quote", "has_number", "entities", "leans_on_previous",
    ]

    /// The candidates, in body order.
    public private(set) var sentences: [Sentence] = []

    /// Splits `article`'s body and computes the features; `entities` are the article's entities.
    public init(_ article: Article, entities: [Entity]) {
        self.init(ArticleText(article), entities: entities)
    }

    /// Computes the features from `text`'s shared sentence split; `entities` are the article's entities.
    public init(_ text: ArticleText, entities: [Entity]) {
        let ranges = text.sentences
        var mentionStarts: [Int] = []
        for entity in entities where entity.type != "MISC" {
            for mention in entity.mentions { mentionStarts.append(mention.start) }
        }
        mentionStarts.sort()
        var candidates: [Sentence] = []
        let classes = Self.byteClasses
        text.bytes.withUnsafeBufferPointer { buffer in
            // Word frequencies over the whole body, for centrality.
            let counts = ContentWordCounts(buffer)
            for (index, range) in ranges.enumerated() {
                let scalarStart = Self.scalarOffset(text, buffer, range.lowerBound)
                // One table look-up per byte and no branch but for `E2` (typographic quotes).
                var words = 0
                var quotes = 0
                var seen: UInt8 = 0
                var inWord: UInt8 = 0
                var leads = 0
                classes.withUnsafeBufferPointer { classes in
                    var k = range.lowerBound
                    while k < range.upperBound {
                        let b = buffer[k]
                        let c = classes[Int(b)]
                        leads &+= Int(c & ByteClass.lead)
                        // Words start with a letter; numbers alone do not make a sentence.
                        words &+= Int((c >> 1) & ~inWord & 1)
                        inWord = (c >> 2) & 1
                        seen |= c
                        quotes &+= Int((c >> 4) & 1)
                        if b == 0xE2 && k + 2 < range.upperBound && buffer[k + 1] == 0x80
                            && (buffer[k + 2] == 0x9C || buffer[k + 2] == 0x9D)
                        {
                            quotes += 1
                        }
                        k += 1
                    }
                }
                let digits = seen & ByteClass.digit != 0
                let scalarEnd = scalarStart + leads
                guard words >= 6, words <= 80, quotes % 2 == 0 else { continue }
                let (centrality, contentCount) = Self.centrality(of: range, buffer, counts)
                let lower = Self.firstIndex(in: mentionStarts, notBelow: scalarStart)
                let upper = Self.firstIndex(in: mentionStarts, notBelow: scalarEnd)
                let position = index
                var x = [Double](repeating: 0, count: Self.names.count)
                x[0] = 1
                switch position {
                case 0: x[1] = 1
                case 1: x[2] = 1
                case 2: x[3] = 1
                case 3: x[4] = 1
                case 4, 5: x[5] = 1
                case 6...9: x[6] = 1
                default: break
                }
                x[7] = Double(position) / Double(max(1, ranges.count))
                x[8] = min(2, Double(words) / 30)
                x[9] = words < 10 ? 1 : 0
                x[10] = contentCount == 0 ? 0 : centrality / Double(contentCount)
                x[11] = quotes > 0 ? 1 : 0
                x[12] = Self.startsWithQuote(buffer, range) ? 1 : 0
                x[13] = digits ? 1 : 0
                x[14] = min(1, Double(upper - lower) / 3)
                x[15] = Self.leansOnPrevious(buffer, range) ? 1 : 0
                candidates.append(Sentence(bytes: range, scalars: scalarStart..<scalarEnd, features: x))
            }
        }
        // Centrality relative to the article's most central sentence.
        let top = candidates.map { $0.features[10] }.max() ?? 0
        if top > 0 { for i in candidates.indices { candidates[i].features[10] /= top } }
        sentences = candidates
    }

    /// How many characters precede byte `byte`, counting a character cut at `byte` (the lead bytes
    /// before it).
    private static func scalarOffset(_ text: ArticleText, _ buffer: UnsafeBufferPointer<UInt8>, _ byte: Int) -> Int {
        byte < buffer.count && buffer[byte] & 0xC0 == 0x80 ? text.scalarOffset(byte) + 1 : text.scalarOffset(byte)
    }

    /// The sum over the content words of `range` of how often each occurs elsewhere in the body, and how
    /// many content words `range` has.
    private static func centrality(
        of range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>, _ counts: ContentWordCounts
    )
        -> (Double, Int)
    {
        var centrality = 0.0
        var contentCount = 0
        func isLetter(_ k: Int) -> Bool { buffer[k] >= 0x80 || (buffer[k] | 0x20) &- 0x61 < 26 }
        let cutAtStart =
            range.lowerBound > 0 && range.lowerBound < buffer.count && isLetter(range.lowerBound - 1)
            && isLetter(range.lowerBound)
        let cutAtEnd =
            range.upperBound > range.lowerBound && range.upperBound < buffer.count && isLetter(range.upperBound - 1)
            && isLetter(range.upperBound)
        if cutAtStart || cutAtEnd {
            // A word cut by the sentence's edge is not the body's word: hash the sentence's own.
            forEachContentWord(buffer, range) { _, word in
                contentCount += 1
                centrality += Double(max(1, counts.count(word)) - 1)
            }
            return (centrality, contentCount)
        }
        // The body's content words that start in the range are the range's own.
        var w = counts.firstWord(notBefore: range.lowerBound)
        counts.starts.withUnsafeBufferPointer { starts in
            counts.slots.withUnsafeBufferPointer { slots in
                counts.counts.withUnsafeBufferPointer { tally in
                    while w < starts.count && Int(starts[w]) < range.upperBound {
                        contentCount += 1
                        centrality += Double(tally[Int(slots[w])] - 1)
                        w += 1
                    }
                }
            }
        }
        return (centrality, contentCount)
    }

    /// Bits of ``byteClasses``.
    enum ByteClass {
        /// Not a UTF-8 continuation byte: starts a character.
        static let lead: UInt8 = 1
        /// A letter or any non-ASCII byte (bit 1), which starts a word.
        static let letter: UInt8 = 2
        /// A letter or digit (bit 2), which continues a word.
        static let wordByte: UInt8 = 4
        static let digit: UInt8 = 8
        /// `"` (bit 4).
        static let quote: UInt8 = 16
    }

    /// The ``ByteClass`` bits of each byte value.
    static let byteClasses: [UInt8] = (0..<256).map { value in
        let b = UInt8(value)
        let letter = b >= 0x80 || (b | 0x20) &- 0x61 < 26
        let digit = b &- 0x30 < 10
        var c: UInt8 = 0
        if b & 0xC0 != 0x80 { c |= ByteClass.lead }
        if letter { c |= ByteClass.letter }
        if letter || digit { c |= ByteClass.wordByte }
        if digit { c |= ByteClass.digit }
        if b == 0x22 { c |= ByteClass.quote }
        return c
    }

    /// The first index of sorted `values` whose value is at least `bound`.
    static func firstIndex(in values: [Int], notBelow bound: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < bound { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Calls `body` with the first byte and the key of each word of 4 or more letters in `range` that is
    /// not a stop word.
    static func forEachContentWord(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Int, UInt64) -> Void
    ) {
        forEachContentWord(buffer, range, stopWords: stopWords, body)
    }

    /// ``forEachContentWord(_:_:_:)`` with ``stopWords`` read once by the caller.
    @inline(__always)
    static func forEachContentWord(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, stopWords: WordTable<Bool>,
        _ body: (Int, UInt64) -> Void
    ) {
        var k = range.lowerBound
        while k < range.upperBound {
            let start = k
            while k < range.upperBound, buffer[k] >= 0x80 || (buffer[k] | 0x20) &- 0x61 < 26 { k += 1 }
            if k - start >= 4 {
                let key = FeatureHash.lowercased(buffer, start, k)
                if !stopWords.contains(key) { body(start, key) }
            }
            k += 1
        }
    }

    /// Frequent words of 4 or more letters that say nothing about the topic.
    static let stopWords: WordTable<Bool> = WordTable(
        [
            "that", "this", "with", "from", "have", "were", "been", "they", "their", "there", "which", "would",
            "about", "after", "also", "into", "more", "than", "when", "what", "will", "some", "other", "could",
            "over", "only", "them", "then", "these", "those", "said", "says", "just", "very", "your", "where",
            "while", "being", "because", "such", "many", "most", "much", "like", "even", "before", "still",
        ].map { (FeatureHash.lowercased($0), true) })

    /// Opens with `"`, `“` or `‘`.
    static func startsWithQuote(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let k = range.lowerBound
        if buffer[k] == 0x22 { return true }
        return range.count >= 3 && buffer[k] == 0xE2 && buffer[k + 1] == 0x80
            && (buffer[k + 2] == 0x9C || buffer[k + 2] == 0x98)
    }

    /// Opens with a word that refers back (`He`, `She`, `They`, `It`, `This`, `But`, `And`, `Also`).
    static func leansOnPrevious(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var end = range.lowerBound
        while end < range.upperBound && buffer[end] != 0x20 { end += 1 }
        return openers.contains(FeatureHash.lowercased(buffer, range.lowerBound, end))
    }

    static let openers: WordTable<Bool> = WordTable(
        ["he", "she", "they", "it", "this", "that", "these", "but", "and", "also", "its", "his", "her", "their"].map {
            (FeatureHash.lowercased($0), true)
        })
}

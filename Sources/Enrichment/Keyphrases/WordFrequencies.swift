internal import CEnrichdModels

/// How many documents of a background news collection contain each word (inverse document
/// frequency for keyphrases). Built by `scripts/build-word-frequencies.py`, embedded in the binary.
public struct WordFrequencies: Sendable {
    /// Documents in the background collection.
    public let documents: Int
    private let counts: [UInt64: Int32]

    /// Reads a table: a `N<TAB>documents` line, then `word<TAB>count` lines; `#` lines are comments.
    ///
    /// - Throws: ``EnrichmentError`` (`resource_unavailable`) naming the first malformed line.
    public init(table: UnsafeBufferPointer<UInt8>) throws(EnrichmentError) {
        var counts: [UInt64: Int32] = [:]
        counts.reserveCapacity(30_000)
        var documents = 0
        var start = 0
        var lineNumber = 0
        while start < table.count {
            var end = start
            while end < table.count && table[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if end == start || table[start] == UInt8(ascii: "#") { continue }
            var tab = start
            while tab < end && table[tab] != 0x09 { tab += 1 }
            var value = 0
            for k in (tab + 1)..<max(tab + 1, end) {
                let digit = Int(table[k]) - 48
                guard digit >= 0 && digit <= 9 else { value = -1; break }
                value = value * 10 + digit
            }
            guard tab < end, value > 0 else {
                throw EnrichmentError(
                    code: .resourceUnavailable, enricher: "keywords", detail: "frequency table line \(lineNumber) is malformed")
            }
            let word = UnsafeBufferPointer(rebasing: table[start..<tab])
            if word.count == 1 && word[0] == UInt8(ascii: "N") {
                documents = value
            } else {
                counts[Self.key(word), default: 0] = Int32(clamping: value)
            }
        }
        guard documents > 0 else {
            throw EnrichmentError(code: .resourceUnavailable, enricher: "keywords", detail: "frequency table has no N line")
        }
        self.documents = documents
        self.counts = counts
    }

    /// The table built into the binary, read once (a damaged table is a broken build).
    public static let builtIn: WordFrequencies = {
        do {
            return try WordFrequencies(table: UnsafeBufferPointer(start: enrichd_frequencies_bytes(), count: enrichd_frequencies_size()))
        } catch {
            fatalError("the built-in word frequency table cannot be read: \(error)")
        }
    }()

    /// The number of background documents containing the word with key `key` (0 if unseen).
    public func count(_ key: UInt64) -> Int { Int(counts[key] ?? 0) }

    /// The key of a word: FNV-1a of its bytes with ASCII lower-cased (the tagger's word hash).
    @inline(__always)
    public static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        FeatureHash.lowercased(word, 0, word.count)
    }
}

internal import CEnrichdModels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many documents of a background news collection contain each word (inverse document
/// frequency for keyphrases). Built by `scripts/build-word-frequencies.py`, embedded in the binary.
public struct WordFrequencies: Sendable {
    /// Documents in the background collection.
    public let documents: Int
    /// Count and inverse document frequency of each word, in a flat table for the per-token look-up.
    private let entries: WordTable<Entry>
    /// The idf of a word no background document contains.
    private let unseenIDF: Double

    private struct Entry: Sendable {
        var count: Int32
        var idf: Double
    }

    /// Reads a table: a `N<TAB>documents` line, then `word<TAB>count` lines; `#` lines are comments.
    ///
    /// - Throws: ``EnrichmentError`` (`resource_unavailable`) naming the first malformed line.
    public init(table: UnsafeBufferPointer<UInt8>) throws(EnrichmentError) {
        var counts: [(UInt64, Int32)] = []
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
                counts.append((Self.key(word), Int32(clamping: value)))
            }
        }
        guard documents > 0 else {
            throw EnrichmentError(code: .resourceUnavailable, enricher: "keywords", detail: "frequency table has no N line")
        }
        self.documents = documents
        // A later line for the same key wins, in the table as it did in a dictionary.
        self.entries = WordTable(counts.map { ($0.0, Entry(count: $0.1, idf: Self.idf(documents: documents, count: Int($0.1)))) })
        self.unseenIDF = Self.idf(documents: documents, count: 0)
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
    public func count(_ key: UInt64) -> Int { Int(entries[key]?.count ?? 0) }

    /// The inverse document frequency of the word with key `key`: `ln((N + 1) / (count + 1))`.
    @inline(__always)
    func idf(_ key: UInt64) -> Double { entries[key]?.idf ?? unseenIDF }

    private static func idf(documents: Int, count: Int) -> Double {
        log(Double(documents + 1) / Double(count + 1))
    }

    /// The key of a word: FNV-1a of its bytes with ASCII lower-cased (the tagger's word hash).
    @inline(__always)
    public static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        FeatureHash.lowercased(word, 0, word.count)
    }
}

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
    /// Open addressing for the per-token look-up: each slot holds a word key and its idf side by side,
    /// so a look-up reads one cache line of a table that is mostly not in the cache (key 0 marks an
    /// empty slot; a word whose key is 0 is stored as 1, as in ``WordTable``).
    private let slots: [Slot]
    /// The background count of each slot's word.
    private let counts: [Int32]
    private let shift: UInt64
    /// The idf of a word no background document contains.
    private let unseenIDF: Double

    private struct Slot: Sendable {
        var key: UInt64
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
                    code: .resourceUnavailable, enricher: "keywords",
                    detail: "frequency table line \(lineNumber) is malformed")
            }
            let word = UnsafeBufferPointer(rebasing: table[start..<tab])
            if word.count == 1 && word[0] == UInt8(ascii: "N") {
                documents = value
            } else {
                counts.append((Self.key(word), Int32(clamping: value)))
            }
        }
        guard documents > 0 else {
            throw EnrichmentError(
                code: .resourceUnavailable, enricher: "keywords", detail: "frequency table has no N line")
        }
        self.documents = documents
        var capacity = 16
        while capacity < counts.count * 2 { capacity *= 2 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        var slots = [Slot](repeating: Slot(key: 0, idf: 0), count: capacity)
        var slotCounts = [Int32](repeating: 0, count: capacity)
        // A later line for the same key wins, as it did in a dictionary.
        for (key, count) in counts {
            let key = key == 0 ? 1 : key
            var slot = Self.slot(key, shift)
            while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(key: key, idf: Self.idf(documents: documents, count: Int(count)))
            slotCounts[slot] = count
        }
        self.slots = slots
        self.counts = slotCounts
        self.shift = shift
        self.unseenIDF = Self.idf(documents: documents, count: 0)
    }

    /// The table built into the binary, read once (a damaged table is a broken build).
    public static let builtIn: WordFrequencies = {
        do {
            return try WordFrequencies(
                table: UnsafeBufferPointer(start: enrichd_frequencies_bytes(), count: enrichd_frequencies_size()))
        } catch {
            fatalError("the built-in word frequency table cannot be read: \(error)")
        }
    }()

    /// The number of background documents containing the word with key `key` (0 if unseen).
    public func count(_ key: UInt64) -> Int { slot(of: key).map { Int(counts[$0]) } ?? 0 }

    /// The inverse document frequency of the word with key `key`: `ln((N + 1) / (count + 1))`.
    @inline(__always)
    func idf(_ key: UInt64) -> Double {
        let key = key == 0 ? 1 : key
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(key, shift)
            while true {
                let found = slots[slot]
                if found.key == key { return found.idf }
                if found.key == 0 { return unseenIDF }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The slot holding `key`, if any.
    private func slot(of key: UInt64) -> Int? {
        let key = key == 0 ? 1 : key
        var slot = Self.slot(key, shift)
        while slots[slot].key != 0 {
            if slots[slot].key == key { return slot }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// The first slot to probe: Fibonacci hashing (``WordTable/slot(_:_:)``).
    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private static func idf(documents: Int, count: Int) -> Double {
        log(Double(documents + 1) / Double(count + 1))
    }

    /// The key of a word: FNV-1a of its bytes with ASCII lower-cased (the tagger's word hash).
    @inline(__always)
    public static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        FeatureHash.lowercased(word, 0, word.count)
    }
}

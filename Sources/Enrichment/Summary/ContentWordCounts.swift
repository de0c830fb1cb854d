/// How often each content word (``SummarySentences/forEachContentWord(_:_:_:)``) occurs in a body, and
/// where each occurrence starts, for sentence centrality: one pass over the body and a flat
/// open-addressing count table, no hashing of a key twice.
struct ContentWordCounts {
    /// The first byte of each content word of the body, in order.
    let starts: [Int32]
    /// The table slot of each content word of the body, in order.
    let slots: [Int32]
    /// Open addressing: the word key and count of each slot (count 0: empty).
    private let keys: [UInt64]
    let counts: [Int32]
    private let mask: Int
    private let shift: UInt64

    /// Counts the content words of `buffer`.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // A content word has at least four letters and a byte between words: at most one per five bytes.
        var capacity = 64
        while capacity < (buffer.count / 5 + 1) * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var counts = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        let most = buffer.count / 5 + 1
        var slots = [Int32](repeating: 0, count: most)
        var found = 0
        let stopWords = SummarySentences.stopWords
        // Filled through unsafe buffers: a checked array write per word costs as much as the word.
        starts = [Int32](unsafeUninitializedCapacity: most) { starts, initialized in
            keys.withUnsafeMutableBufferPointer { keys in
                counts.withUnsafeMutableBufferPointer { counts in
                    slots.withUnsafeMutableBufferPointer { slots in
                        SummarySentences.forEachContentWord(buffer, 0..<buffer.count, stopWords: stopWords) {
                            start, key in
                            var slot = Self.slot(key, shift, mask)
                            while counts[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
                            keys[slot] = key
                            counts[slot] += 1
                            precondition(found < starts.count)
                            starts.initializeElement(at: found, to: Int32(truncatingIfNeeded: start))
                            slots[found] = Int32(truncatingIfNeeded: slot)
                            found += 1
                        }
                    }
                }
            }
            initialized = found
        }
        slots.removeLast(most - found)
        self.keys = keys
        self.counts = counts
        self.slots = slots
        self.mask = mask
        self.shift = shift
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
    }

    /// How often the word with key `key` occurs in the body (0 if never).
    func count(_ key: UInt64) -> Int {
        var slot = Self.slot(key, shift, mask)
        while counts[slot] != 0 {
            if keys[slot] == key { return Int(counts[slot]) }
            slot = (slot + 1) & mask
        }
        return 0
    }

    /// The index in ``starts`` of the first content word starting at or after byte `bound`.
    func firstWord(notBefore bound: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(starts[mid]) < bound { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// How often each content word (``SummarySentences/forEachContentWord(_:_:_:)``) occurs in a body, and
/// where each occurrence starts, for sentence centrality: one pass over the body and a flat
/// open-addressing count table, no hashing of a key twice.
struct ContentWordCounts {
    /// The first byte of each content word of the body, in order.
    private(set) var starts: [Int32] = []
    /// The table slot of each content word of the body, in order.
    private(set) var slots: [Int32] = []
    /// Open addressing: the word key and count of each slot (count 0: empty).
    private var keys: [UInt64]
    private(set) var counts: [Int32]
    private let mask: Int
    private let shift: UInt64

    /// Counts the content words of `buffer`.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // A content word has at least four letters and a byte between words: at most one per five bytes.
        var capacity = 64
        while capacity < (buffer.count / 5 + 1) * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        starts.reserveCapacity(buffer.count / 5 + 1)
        slots.reserveCapacity(buffer.count / 5 + 1)
        SummarySentences.forEachContentWord(buffer, 0..<buffer.count) { start, key in
            var slot = self.slot(key)
            while counts[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            counts[slot] += 1
            starts.append(Int32(truncatingIfNeeded: start))
            slots.append(Int32(truncatingIfNeeded: slot))
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask }

    /// How often the word with key `key` occurs in the body (0 if never).
    func count(_ key: UInt64) -> Int {
        var slot = slot(key)
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

/// What one document says about each of its words, for the non-local features of the tagger: how the
/// word is written elsewhere in the document and how it was tagged before.
///
/// An open-addressing table keyed by the lower-cased word hash, cleared between documents.
struct DocumentWords {
    /// Seen in lower case outside an all-caps line.
    static let seenLower: UInt8 = 1
    /// Seen capitalized, not at a sentence start, outside an all-caps line.
    static let seenCapitalizedInside: UInt8 = 2

    private var keys: [UInt64]
    private var flags: [UInt8]
    /// Tag-type counts per slot: outside, then one per ``EntityType``.
    private var counts: [UInt8]
    private var used: Int = 0

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        flags = [UInt8](repeating: 0, count: size)
        counts = [UInt8](repeating: 0, count: size * 5)
    }

    /// Forgets everything and makes room for `capacity` distinct words.
    mutating func reset(capacity: Int) {
        if capacity * 2 > keys.count {
            self = DocumentWords(capacity: capacity)
            return
        }
        guard used > 0 else { return }
        for i in keys.indices { keys[i] = 0 }
        for i in flags.indices { flags[i] = 0 }
        for i in counts.indices { counts[i] = 0 }
        used = 0
    }

    @inline(__always)
    private mutating func slot(_ word: UInt64) -> Int {
        let key = word == 0 ? 1 : word
        let mask = keys.count - 1
        var s = Int(truncatingIfNeeded: key) & mask
        while true {
            if keys[s] == key { return s }
            if keys[s] == 0 {
                keys[s] = key
                used += 1
                return s
            }
            s = (s + 1) & mask
        }
    }

    @inline(__always)
    private func find(_ word: UInt64) -> Int? {
        let key = word == 0 ? 1 : word
        let mask = keys.count - 1
        var s = Int(truncatingIfNeeded: key) & mask
        while true {
            if keys[s] == key { return s }
            if keys[s] == 0 { return nil }
            s = (s + 1) & mask
        }
    }

    mutating func note(_ word: UInt64, _ flag: UInt8) {
        let s = slot(word)
        flags[s] |= flag
    }

    func flags(of word: UInt64) -> UInt8 {
        guard let s = find(word) else { return 0 }
        return flags[s]
    }

    /// Counts one tagging of `word` (type index + 1, or 0 outside).
    mutating func record(_ word: UInt64, typeIndex: Int) {
        let s = slot(word)
        let i = s * 5 + typeIndex
        if counts[i] < 255 { counts[i] += 1 }
    }

    /// The most frequent earlier tagging of `word`: 0 never seen, 1 outside, 2... a type.
    func history(of word: UInt64) -> UInt64 {
        guard let s = find(word) else { return 0 }
        var best = 0
        var bestCount: UInt8 = 0
        for t in 0..<5 where counts[s * 5 + t] > bestCount {
            best = t + 1
            bestCount = counts[s * 5 + t]
        }
        return UInt64(best)
    }
}

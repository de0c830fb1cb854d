/// The candidate phrases of one article (runs of one to three content words), in order of first
/// use, with a flat open-addressing index from phrase key to candidate: no hashing of the key again
/// and no allocation per phrase.
struct KeyphraseCandidates {
    /// One candidate phrase.
    struct Candidate {
        /// The phrase key: its word keys folded by ``KeyphraseCandidates/fold(_:_:)``.
        var key: UInt64
        var count: Int32 = 1
        /// Token index of the first word at its first use.
        var first: Int32
        var words: Int32
        /// Every word is in the title.
        var inTitle: Bool
        /// The phrase is an entity's name.
        var isEntity = false
        /// Mean idf of its words.
        var idf: Double
        /// Byte range of the first use.
        var start: Int32
        var end: Int32
        /// Keys of the one-word-shorter phrases it contains (for the containment check).
        var parts: (UInt64, UInt64) = (0, 0)
    }

    /// One content word of the body.
    struct Word {
        var key: UInt64
        var idf: Double
        var token: Int32
        var start: Int32
        var end: Int32
        var inTitle: Bool
    }

    /// The candidates, in order of first use.
    private(set) var candidates: [Candidate]
    /// Open addressing: the phrase key of each slot, and its candidate index + 1 (0: empty).
    private var slotKeys: [UInt64]
    private var slotIndex: [Int32]
    private let shift: UInt64
    private let mask: Int

    /// The key of a phrase extended by one more word.
    @inline(__always)
    static func fold(_ key: UInt64, _ word: UInt64) -> UInt64 { key &* 0x9E37_79B9_7F4A_7C15 &+ word }

    /// Collects the phrases of `runs` of `words` (each run a range of `words`): all one-word phrases of a
    /// run, then its two-word, then its three-word ones, run after run.
    init(words: [Word], runs: [Range<Int>]) {
        var phrases = 0
        for run in runs { phrases += run.count * 3 - 3 + (run.count == 1 ? 1 : 0) }
        var capacity = 64
        while capacity < phrases * 2 { capacity *= 2 }
        var slotKeys = [UInt64](repeating: 0, count: capacity)
        var slotIndex = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        // Filled through unsafe buffers: a checked array write per phrase costs more than the phrase.
        candidates = [Candidate](unsafeUninitializedCapacity: phrases) { candidates, initialized in
            initialized = 0
            words.withUnsafeBufferPointer { words in
                slotKeys.withUnsafeMutableBufferPointer { slotKeys in
                    slotIndex.withUnsafeMutableBufferPointer { slotIndex in
                        for run in runs {
                            for n in 1...3 where run.count >= n {
                                for i in run.lowerBound...(run.upperBound - n) {
                                    var key: UInt64 = 0
                                    var idf = 0.0
                                    var inTitle = true
                                    for k in i..<(i + n) {
                                        key = Self.fold(key, words[k].key)
                                        idf += words[k].idf
                                        inTitle = inTitle && words[k].inTitle
                                    }
                                    var slot = Self.slot(key, shift, mask)
                                    var found = false
                                    while slotIndex[slot] != 0 {
                                        if slotKeys[slot] == key {
                                            candidates[Int(slotIndex[slot]) - 1].count += 1
                                            found = true
                                            break
                                        }
                                        slot = (slot + 1) & mask
                                    }
                                    if found { continue }
                                    var c = Candidate(
                                        key: key, first: words[i].token, words: Int32(n), inTitle: inTitle,
                                        idf: idf / Double(n), start: words[i].start, end: words[i + n - 1].end)
                                    if n > 1 {
                                        var left: UInt64 = 0
                                        var right: UInt64 = 0
                                        for k in i..<(i + n - 1) { left = Self.fold(left, words[k].key) }
                                        for k in (i + 1)..<(i + n) { right = Self.fold(right, words[k].key) }
                                        c.parts = (left, right)
                                    }
                                    precondition(initialized < candidates.count)
                                    candidates.initializeElement(at: initialized, to: c)
                                    initialized += 1
                                    slotKeys[slot] = key
                                    slotIndex[slot] = Int32(initialized)
                                }
                            }
                        }
                    }
                }
            }
        }
        self.slotKeys = slotKeys
        self.slotIndex = slotIndex
        self.mask = mask
        self.shift = shift
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> shift) & mask
    }

    /// The index of the candidate with phrase key `key`, if any.
    func index(of key: UInt64) -> Int? {
        var slot = Self.slot(key, shift, mask)
        while slotIndex[slot] != 0 {
            if slotKeys[slot] == key { return Int(slotIndex[slot]) - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Marks the candidate with phrase key `key`, if any, as an entity's name.
    mutating func markEntity(_ key: UInt64) {
        if let index = index(of: key) { candidates[index].isEntity = true }
    }

    /// Whether three-word candidate `outer` contains one-word phrase `key` (through its two-word parts).
    func contains(_ outer: Candidate, _ key: UInt64) -> Bool {
        guard outer.words == 3 else { return false }
        if let inner = index(of: outer.parts.0), candidates[inner].parts.0 == key || candidates[inner].parts.1 == key {
            return true
        }
        if let inner = index(of: outer.parts.1), candidates[inner].parts.0 == key || candidates[inner].parts.1 == key {
            return true
        }
        return false
    }
}

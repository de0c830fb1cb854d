/// Name lists matched against token sequences: a hash table from the hash of an entry's lower-cased
/// tokens to the categories it belongs to.
///
/// Every proper prefix of a multi-token entry is stored too, marked with ``prefixBit``, so matching
/// extends a candidate only while some entry still continues it.
public struct Gazetteer: Sendable {
    /// Marks a stored key as the prefix of a longer entry.
    public static let prefixBit: UInt16 = 1 << 15

    var keys: [UInt64]
    var values: [UInt16]
    /// One bit per key (16 bits per key, so it stays in cache): most words that start no entry are
    /// rejected here without probing the table.
    private var filter: [UInt64] = []
    /// The longest entry, in tokens.
    public private(set) var maxTokens: Int
    /// The number of keys stored (entries and prefixes).
    public private(set) var count: Int

    /// An empty gazetteer.
    public init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [UInt16](repeating: 0, count: 16)
        maxTokens = 0
        count = 0
        buildFilter()
    }

    init(keys: [UInt64], values: [UInt16], maxTokens: Int) {
        self.keys = keys
        self.values = values
        self.maxTokens = maxTokens
        count = keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) }
        buildFilter()
    }

    private mutating func buildFilter() {
        var bits = 1024
        while bits < keys.count * 8 { bits <<= 1 }
        filter = [UInt64](repeating: 0, count: bits / 64)
        for key in keys where key != 0 { setFilterBit(key) }
    }

    @inline(__always)
    private mutating func setFilterBit(_ key: UInt64) {
        let bit = Int(truncatingIfNeeded: key >> 40) & (filter.count * 64 - 1)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Adds `name` (tokenized with ``Tokenizer``) to `category`; names of more than 6 tokens are skipped.
    public mutating func insert(_ name: String, _ category: GazetteerCategory) {
        var name = name
        name.withUTF8 { buffer in
            var tokens: [Token] = []
            Tokenizer.tokenize(buffer, into: &tokens)
            guard !tokens.isEmpty, tokens.count <= 6 else { return }
            var h: UInt64 = 0
            for (k, token) in tokens.enumerated() {
                let word = FeatureHash.lowercased(buffer, Int(token.start), Int(token.end))
                h = k == 0 ? word : FeatureHash.combine(h, word)
                add(h, k == tokens.count - 1 ? category.bit : Self.prefixBit)
            }
            maxTokens = max(maxTokens, tokens.count)
        }
    }

    /// The categories of the token sequence whose hash is `key` (``prefixBit`` set when longer entries
    /// start with it), 0 when unknown.
    @inline(__always)
    public func lookup(_ key: UInt64) -> UInt16 {
        let key = key == 0 ? 1 : key
        let bit = Int(truncatingIfNeeded: key >> 40) & (filter.count * 64 - 1)
        guard filter[bit >> 6] >> UInt64(bit & 63) & 1 != 0 else { return 0 }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let k = keys[slot]
                if k == key { return values[slot] }
                if k == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func add(_ key: UInt64, _ bits: UInt16) {
        let key = key == 0 ? 1 : key
        if (count + 1) * 10 > keys.count * 7 { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 {
            keys[slot] = key
            count += 1
            setFilterBit(key)
        }
        values[slot] |= bits
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [UInt16](repeating: 0, count: oldKeys.count * 2)
        count = 0
        buildFilter()
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { add(k, v) }
    }

    /// Marks, for every token, where it stands in the longest match of each category starting at each
    /// token: bit `category × 4 + position` (B, I, L, U) of `marks[k]`.
    ///
    /// - Parameters:
    ///   - words: The lower-cased hash of each token.
    ///   - punctuation: Whether each token is punctuation (no match starts there).
    ///   - marks: Receives the bits; must have one element per token, cleared by the caller.
    func mark(
        words: UnsafeBufferPointer<UInt64>,
        startable: (Int) -> Bool,
        marks: UnsafeMutableBufferPointer<UInt64>
    ) {
        let n = words.count
        guard maxTokens > 0 else { return }
        for i in 0..<n where startable(i) {
            var h = words[i]
            var length = 1
            while true {
                let v = lookup(h)
                let categories = v & ~Self.prefixBit
                if categories != 0 {
                    var bits = categories
                    while bits != 0 {
                        let c = UInt64(bits.trailingZeroBitCount)
                        bits &= bits - 1
                        if length == 1 {
                            marks[i] |= 1 << (c * 4 + 3)
                        } else {
                            marks[i] |= 1 << (c * 4)
                            for k in (i + 1)..<(i + length - 1) { marks[k] |= 1 << (c * 4 + 1) }
                            marks[i + length - 1] |= 1 << (c * 4 + 2)
                        }
                    }
                }
                guard v & Self.prefixBit != 0, length < maxTokens, i + length < n else { break }
                h = FeatureHash.combine(h, words[i + length])
                length += 1
            }
        }
    }
}

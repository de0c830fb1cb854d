/// A read-only map from word keys (``FeatureHash/lowercased(_:_:_:)``) to small values: open
/// addressing in flat arrays, so a look-up in the enrichers' per-token loops is one or two probes
/// without hashing the key again. A one-bit-per-key filter of about 8 bits per entry (small enough
/// for the L1 cache) turns away most absent words before the table is touched.
struct WordTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    /// Meaningful where `keys` is not 0 (no array of optionals: a release build miscompiled one).
    private let values: [Value]
    private let mask: Int
    private let filter: [UInt64]
    private let filterShift: UInt64

    /// Builds the table from `entries` (a later entry for the same key wins).
    init(_ entries: [(UInt64, Value)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = entries.first.map { [Value](repeating: $0.1, count: capacity) } ?? []
        let mask = capacity - 1
        for (key, value) in entries {
            let key = key == 0 ? 1 : key
            var slot = Self.slot(key, mask)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
        var filterBits = 512
        while filterBits < entries.count * 8 { filterBits *= 2 }
        var filter = [UInt64](repeating: 0, count: filterBits / 64)
        let filterShift = UInt64(64 - filterBits.trailingZeroBitCount)
        for (key, _) in entries {
            let bit = Int(truncatingIfNeeded: Self.filterHash(key == 0 ? 1 : key) >> filterShift)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.keys = keys
        self.values = values
        self.mask = mask
        self.filter = filter
        self.filterShift = filterShift
    }

    @inline(__always)
    static func filterHash(_ key: UInt64) -> UInt64 { key &* 0xC2B2_AE3D_27D4_EB4F }

    /// False when `key` is surely absent.
    @inline(__always)
    private func mayContain(_ key: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: Self.filterHash(key) >> filterShift)
        return filter.withUnsafeBufferPointer { $0[bit >> 6] } & (1 << UInt64(bit & 63)) != 0
    }

    /// The value of `key`, if any.
    @inline(__always)
    subscript(_ key: UInt64) -> Value? {
        let key = key == 0 ? 1 : key
        guard mayContain(key) else { return nil }
        var slot = Self.slot(key, mask)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The first slot to probe: Fibonacci hashing, since word keys (FNV-1a) of short words differ
    /// little in any fixed bit range.
    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Whether `key` is in the table.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let key = key == 0 ? 1 : key
        guard mayContain(key) else { return false }
        var slot = Self.slot(key, mask)
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let found = keys[slot]
                if found == key { return true }
                if found == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }
}

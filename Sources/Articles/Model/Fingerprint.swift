/// Near-duplicate fingerprints of the clean body.
public struct Fingerprint: Sendable, Hashable {
    /// 64-bit SimHash of the body's words (Hamming distance ≤ 3 ≈ near-duplicate).
    public var simhash: UInt64
    /// 64-slot MinHash of the body's word 3-shingles (the share of equal slots estimates Jaccard similarity).
    public var minhash: [UInt32]
    /// Shingles hashed (repeats included).
    public var shingles: Int

    /// Creates a fingerprint.
    public init(simhash: UInt64, minhash: [UInt32], shingles: Int) {
        self.simhash = simhash
        self.minhash = minhash
        self.shingles = shingles
    }

    /// The estimated Jaccard similarity of two bodies' shingle sets: the share of equal MinHash slots.
    public func similarity(to other: Fingerprint) -> Double {
        guard minhash.count == other.minhash.count, !minhash.isEmpty, shingles > 0, other.shingles > 0 else { return 0 }
        var equal = 0
        for k in minhash.indices where minhash[k] == other.minhash[k] { equal += 1 }
        return Double(equal) / Double(minhash.count)
    }
}

/// Word clusters learned from unlabelled news text, at three granularities, looked up by the
/// lower-cased word hash. They let the tagger generalise from words it saw in training to words it
/// only saw in raw text (`Konashenkov` near `said` and `spokesman` clusters with other surnames).
public struct WordClusters: Sendable {
    /// Clusters at each level: fine, middle, coarse.
    public static let levels = [512, 64, 16]

    var keys: [UInt64]
    /// Packed: fine | middle << 10 | coarse << 20, plus 1 << 31 so that a known word is never 0.
    var values: [UInt32]

    /// No clusters.
    public init() {
        keys = [0]
        values = [0]
    }

    init(keys: [UInt64], values: [UInt32]) {
        self.keys = keys
        self.values = values
    }

    /// Builds the table from each word's clusters.
    init(_ clusters: [UInt64: (Int, Int, Int)]) {
        var size = 16
        while size < clusters.count * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt32](repeating: 0, count: size)
        for (word, (fine, middle, coarse)) in clusters.sorted(by: { $0.key < $1.key }) {
            let key = word == 0 ? 1 : word
            var slot = Int(truncatingIfNeeded: key) & (size - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] = 1 << 31 | UInt32(fine) | UInt32(middle) << 10 | UInt32(coarse) << 20
        }
    }

    /// The number of words with clusters.
    public var count: Int { keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The packed clusters of `word`, 0 when unknown.
    @inline(__always)
    func lookup(_ word: UInt64) -> UInt32 {
        let key = word == 0 ? 1 : word
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }
}

public import Articles

/// Near-duplicate fingerprints of the clean body (`enrichment.fingerprint`).
///
/// - SimHash: 64 bits; each word (ASCII lower-cased) votes on every bit with its hash, so reordered
///   paragraphs give the same value and small edits flip few bits.
/// - MinHash: one-permutation MinHash with densification (Shrivastava & Li, 2014) over word
///   3-shingles: each shingle hash falls in one of 64 slots by its top bits and the slot keeps the
///   smallest value; empty slots borrow from the next filled one. The share of equal slots between two
///   articles estimates the Jaccard similarity of their shingle sets, at one hash per shingle.
public struct FingerprintEnricher: Enricher {
    /// MinHash slots.
    public static let slots = 64

    public var name: String { "fingerprint" }

    /// Creates the enricher.
    public init() {}

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let article = text.article
        result.fingerprint = Self.fingerprint(of: article.body)
    }

    /// The fingerprint of `text`.
    public static func fingerprint(of text: String) -> Fingerprint {
        var text = text
        return text.withUTF8 { fingerprint(of: $0) }
    }

    /// The fingerprint of UTF-8 `buffer`.
    public static func fingerprint(of buffer: UnsafeBufferPointer<UInt8>) -> Fingerprint {
        var votes = [Int32](repeating: 0, count: 64)
        var minimums = [UInt32](repeating: .max, count: slots)
        var filled: UInt64 = 0
        var words = 0
        var shingles = 0
        var previous: (UInt64, UInt64) = (0, 0)
        let n = buffer.count
        var i = 0
        votes.withUnsafeMutableBufferPointer { votes in
            while i < n {
                guard isWordByte(buffer[i]) else {
                    i += 1
                    continue
                }
                let start = i
                while i < n && isWordByte(buffer[i]) { i += 1 }
                let word = FeatureHash.mix(FeatureHash.lowercased(buffer, start, i))
                for bit in 0..<64 { votes[bit] &+= Int32(truncatingIfNeeded: (word >> UInt64(bit)) & 1) }
                words += 1
                if words >= 3 {
                    let shingle = FeatureHash.mix(FeatureHash.combine(FeatureHash.combine(previous.0, previous.1), word))
                    let slot = Int(shingle >> 58)
                    minimums[slot] = min(minimums[slot], UInt32(truncatingIfNeeded: shingle))
                    filled |= 1 << UInt64(slot)
                    shingles += 1
                }
                previous = (previous.1, word)
            }
        }
        if words > 0 && words < 3 {  // too short for a 3-shingle: the whole text is one shingle
            let shingle = FeatureHash.mix(FeatureHash.combine(previous.0, previous.1))
            let slot = Int(shingle >> 58)
            minimums[slot] = UInt32(truncatingIfNeeded: shingle)
            filled |= 1 << UInt64(slot)
            shingles = 1
        }
        var simhash: UInt64 = 0
        for bit in 0..<64 where Int(votes[bit]) * 2 > words { simhash |= 1 << UInt64(bit) }
        guard filled != 0 else { return Fingerprint(simhash: simhash, minhash: [UInt32](repeating: 0, count: slots), shingles: 0) }
        for slot in 0..<slots where filled & (1 << UInt64(slot)) == 0 {
            var source = (slot + 1) % slots
            var distance: UInt32 = 1
            while filled & (1 << UInt64(source)) == 0 {
                source = (source + 1) % slots
                distance += 1
            }
            minimums[slot] = minimums[source] &+ distance &* 0x9E37_79B9
        }
        return Fingerprint(simhash: simhash, minhash: minimums, shingles: shingles)
    }

    /// Letters, digits and every byte of a non-ASCII character.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }
}

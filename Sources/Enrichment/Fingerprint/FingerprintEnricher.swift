public import Articles

/// Near-duplicate fingerprints of the clean body (`enrichment.fingerprint`).
///
/// - SimHash: 64 bits; each word (case-insensitive) votes on every bit with its hash (counted with
///   bit-sliced counters, a few operations per word), so reordered paragraphs give the same value and
///   small edits flip few bits.
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
        result.fingerprint = Self.fingerprint(of: text)
    }

    /// The fingerprint of `text`.
    public static func fingerprint(of text: String) -> Fingerprint {
        fingerprint(of: ArticleText(Article(body: text)))
    }

    /// The fingerprint of the body of `text`, from its shared tokens: words are the tokens that are not
    /// punctuation, compared case-insensitively.
    public static func fingerprint(of text: ArticleText) -> Fingerprint {
        let tokens = text.tokens
        let keys = text.keys
        // Bit-sliced counters: plane p holds bit p of every SimHash bit's vote count.
        var planes = [UInt64](repeating: 0, count: 40)
        var minimums = [UInt32](repeating: .max, count: slots)
        var filled: UInt64 = 0
        var words = 0
        var shingles = 0
        var previous: (UInt64, UInt64) = (0, 0)
        planes.withUnsafeMutableBufferPointer { planes in
            for k in tokens.indices where !tokens[k].flags.contains(.punctuation) {
                let word = FeatureHash.mix(keys[k])
                var carry = word
                var plane = 0
                while carry != 0 {
                    let next = planes[plane] & carry
                    planes[plane] ^= carry
                    carry = next
                    plane += 1
                }
                words += 1
                if words >= 3 {
                    let shingle = FeatureHash.mix(previous.0 &* 0x9E37_79B9_7F4A_7C15 ^ previous.1 &* 0xC2B2_AE3D_27D4_EB4F ^ word)
                    let slot = Int(shingle >> 58)
                    minimums[slot] = min(minimums[slot], UInt32(truncatingIfNeeded: shingle))
                    filled |= 1 << UInt64(slot)
                    shingles += 1
                }
                previous = (previous.1, word)
            }
        }
        if words > 0 && words < 3 {  // too short for a 3-shingle: the whole text is one shingle
            let shingle = FeatureHash.mix(previous.0 &* 0x9E37_79B9_7F4A_7C15 ^ previous.1)
            let slot = Int(shingle >> 58)
            minimums[slot] = UInt32(truncatingIfNeeded: shingle)
            filled |= 1 << UInt64(slot)
            shingles = 1
        }
        var simhash: UInt64 = 0
        for bit in 0..<64 {
            var votes = 0
            for plane in planes.indices where (planes[plane] >> UInt64(bit)) & 1 != 0 { votes |= 1 << plane }
            if votes * 2 > words { simhash |= 1 << UInt64(bit) }
        }
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
}

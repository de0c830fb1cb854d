/// 64-bit hashing of token text and feature templates, stable across runs and platforms (models store
/// these hashes).
enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a of `buffer[start..<end]` with ASCII letters lower-cased and typographic quotes and dashes
    /// read as their ASCII forms (`’s` hashes as `'s`).
    @inline(__always)
    static func lowercased(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = offset
        var i = start
        while i < end {
            var c = buffer[i]
            i += 1
            if c &- 0x41 < 26 {
                c |= 0x20
            } else if c == 0xE2, i + 1 < end, buffer[i] == 0x80 {  // keep in step with EntityFeatures.hashes
                switch buffer[i + 1] {
                case 0x98, 0x99: c = UInt8(ascii: "'")
                case 0x9C, 0x9D: c = UInt8(ascii: "\"")
                case 0x93, 0x94: c = UInt8(ascii: "-")
                default: break
                }
                if c != 0xE2 { i += 2 }
            }
            h = (h ^ UInt64(c)) &* prime
        }
        return h
    }

    /// ``lowercased(_:_:_:)`` of all of `text`.
    static func lowercased(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { lowercased($0, 0, $0.count) }
    }

    /// The hash of the sequence `a` then `b` (token sequences, feature conjunctions).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
    }

    /// A feature: template number and value.
    @inline(__always)
    static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 {
        mix(value ^ (template &* 0xC2B2_AE3D_27D4_EB4F))
    }

    /// The MurmurHash3 finaliser.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}

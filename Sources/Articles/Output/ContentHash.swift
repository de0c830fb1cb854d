/// Deterministic identifiers for payloads that carry no `id`.
public enum ContentHash {
    /// FNV-1a 64 of `bytes` as 16 lower-case hex digits.
    public static func fnv1a64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        for k in 0..<16 { out[k] = digits[Int(hash >> UInt64(60 - 4 * k) & 0xF)] }
        return String(decoding: out, as: UTF8.self)
    }

    /// The output id for a payload without one: `h:` followed by ``fnv1a64Hex(_:)``.
    public static func id(for payload: [UInt8]) -> String { "h:" + fnv1a64Hex(payload) }
}

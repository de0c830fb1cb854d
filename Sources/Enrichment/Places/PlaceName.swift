/// The lookup key of a place or organisation name, so that `U.S.`, `US` and `us` meet, as do
/// `Winston-Salem` and `Winston Salem`, and `the Netherlands` and `Netherlands`.
///
/// ASCII letters are folded to lower case, dots and apostrophes dropped, dashes and runs of spaces
/// become one space, a leading `the ` is ignored; other bytes are kept. The key is the FNV-1a hash
/// of the result.
public enum PlaceName {
    /// The key of `name`'s UTF-8 bytes.
    public static func key<Bytes: Collection<UInt8>>(_ name: Bytes) -> UInt64 {
        var hash = FeatureHash.offset
        var pendingSpace = false
        var started = false
        for byte in name.dropFirst(leadingArticleLength(name)) {
            var byte = byte
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "'"):
                continue
            case UInt8(ascii: " "), UInt8(ascii: "-"), 0x09, 0x0A, 0x0D:
                pendingSpace = started
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                byte |= 0x20
            default:
                break
            }
            if pendingSpace {
                hash = (hash ^ 0x20) &* FeatureHash.prime
                pendingSpace = false
            }
            hash = (hash ^ UInt64(byte)) &* FeatureHash.prime
            started = true
        }
        return hash
    }

    /// The key of `name`'s first word: after a leading `the `, up to the first space, dash or line
    /// break (where ``key(_:)`` puts a space), so that a name's key can only equal a run's when their
    /// first words' keys are equal.
    public static func firstWordKey(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        func isSeparator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        var start = leadingArticleLength(name)
        while start < name.count, isSeparator(name[start]) { start += 1 }
        var end = start
        while end < name.count, !isSeparator(name[end]) { end += 1 }
        return key(UnsafeBufferPointer(rebasing: name[start..<end]))
    }

    /// 4 if `name` starts with `the ` in any case, else 0.
    private static func leadingArticleLength<Bytes: Collection<UInt8>>(_ name: Bytes) -> Int {
        var i = name.startIndex
        for expected in [UInt8(ascii: "t"), UInt8(ascii: "h"), UInt8(ascii: "e"), UInt8(ascii: " ")] {
            guard i != name.endIndex, name[i] | (expected == 0x20 ? 0 : 0x20) == expected else { return 0 }
            name.formIndex(after: &i)
        }
        return 4
    }
}

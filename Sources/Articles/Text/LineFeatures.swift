/// Shape features of one line, computed once from its bytes.
struct LineFeatures {
    /// Whitespace-separated tokens.
    var words = 0
    /// The last punctuation mark, looking through closing quotes and brackets: one of `. ! ? : ; ,`
    /// (an ellipsis counts as `.`), or 0 when the line ends with something else.
    var terminal: UInt8 = 0
    /// Whether the first letter-or-digit is an upper-case letter or a digit.
    var startsUpper = false
    /// Whether the first character is a lower-case letter.
    var startsLower = false
    /// ASCII digits in the line (counted for lines up to 160 bytes).
    var digits = 0
    /// Letters in the line (ASCII letters and non-ASCII scalars; counted for lines up to 160 bytes, else 1).
    var letters = 0
    /// Upper-case ASCII letters.
    var upperLetters = 0

    /// Whether the line ends a sentence (`.`, `!` or `?`).
    var isSentenceEnd: Bool {
        terminal == UInt8(ascii: ".") || terminal == UInt8(ascii: "!") || terminal == UInt8(ascii: "?")
    }

    init(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int, spaces: Int) {
        guard start < end else { return }
        // Lines are normalised (single spaces, trimmed): words = spaces + 1.
        words = spaces + 1
        // Letter and digit counts matter only for short lines.
        if end - start <= 160 {
            for i in start..<end {
                let b = buffer[i]
                if b &- UInt8(ascii: "0") < 10 {
                    digits &+= 1
                } else if b &- UInt8(ascii: "A") < 26 {
                    letters &+= 1
                    upperLetters &+= 1
                } else if b &- UInt8(ascii: "a") < 26 || (b >= 0xC3 && b <= 0xF4) {
                    letters &+= 1
                }
            }
        } else {
            letters = 1
        }
        // First character.
        var i = start
        while i < end {
            let b = buffer[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(") || b == UInt8(ascii: "[")
                || b == UInt8(ascii: "<")
            {
                i += 1
                continue
            }
            if b == 0xE2, i + 2 < end, buffer[i + 1] == 0x80, buffer[i + 2] == 0x9C || buffer[i + 2] == 0x98 {
                i += 3
                continue
            }
            break
        }
        if i < end {
            let b = buffer[i]
            if (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            {
                startsUpper = true
            } else if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") {
                startsLower = true
            } else if b >= 0xC0, let scalar = Self.scalar(buffer, at: i, end: end) {
                startsUpper = scalar.properties.isUppercase
                startsLower = scalar.properties.isLowercase
            }
        }
        // Last punctuation, through closing quotes and brackets.
        var j = end - 1
        while j >= start {
            let b = buffer[j]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") {
                j -= 1
                continue
            }
            // ” (E2 80 9D), ’ (E2 80 99), » (C2 BB)
            if j - 2 >= start, buffer[j - 2] == 0xE2, buffer[j - 1] == 0x80, b == 0x9D || b == 0x99 {
                j -= 3
                continue
            }
            if j - 1 >= start, buffer[j - 1] == 0xC2, b == 0xBB {
                j -= 2
                continue
            }
            switch b {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"),
                UInt8(ascii: ","):
                terminal = b
            case 0xA6 where j - 2 >= start && buffer[j - 2] == 0xE2 && buffer[j - 1] == 0x80:
                terminal = UInt8(ascii: ".")
            default:
                break
            }
            break
        }
    }

    /// Decodes the scalar starting at `i`.
    static func scalar(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Unicode.Scalar? {
        let b = buffer[i]
        var value: UInt32
        var length: Int
        switch b {
        case 0..<0x80: return Unicode.Scalar(b)
        case 0xC0..<0xE0:
            value = UInt32(b & 0x1F)
            length = 2
        case 0xE0..<0xF0:
            value = UInt32(b & 0x0F)
            length = 3
        default:
            value = UInt32(b & 0x07)
            length = 4
        }
        guard i + length <= end else { return nil }
        for k in 1..<length { value = value << 6 | UInt32(buffer[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }
}

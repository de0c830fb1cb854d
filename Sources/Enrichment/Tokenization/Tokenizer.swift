/// A news-aware tokenizer over UTF-8 bytes.
///
/// Words keep inner dots, hyphens and ampersands (`U.S.`, `A-10`, `AT&T`, `www.cnn.com`), numbers keep
/// grouping and decimal marks (`1,900`, `12.5`, `12:30`), URLs and e-mail addresses stay whole, and a
/// final dot stays on initials, dotted abbreviations and known abbreviations (`J.`, `U.S.`, `Mr.`).
/// Clitics split off as in the Penn Treebank (`Russia` `'s`, `do` `n't`). Everything else that is not a
/// letter or digit is one token per character, except runs of the same ASCII mark (`--`, `...`).
/// Non-breaking, zero-width and other Unicode spaces separate tokens.
public enum Tokenizer {
    /// Appends the tokens of `buffer` to `tokens` (which is not cleared), with sentence and line starts
    /// marked (sentences from ``SentenceBoundaries``).
    public static func tokenize(_ buffer: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        let first = tokens.count
        var i = 0
        let n = buffer.count
        while i < n {
            let spaceWidth = buffer[i] == 0x0A ? 1 : Self.spaceWidth(buffer, i)
            if spaceWidth > 0 {
                i += spaceWidth
                continue
            }
            let end = tokenEnd(buffer, i)
            tokens.append(Token(start: i, end: end))
            i = end
        }
        markFlags(buffer, &tokens, from: first)
    }

    /// Sets the flags of `tokens[first...]`, whose ranges are already known: shape, line and sentence
    /// starts (sentences from ``SentenceBoundaries``) and all-caps lines.
    public static func markFlags(_ buffer: UnsafeBufferPointer<UInt8>, _ tokens: inout [Token], from first: Int = 0) {
        var sentenceStarts: [Int32] = []
        SentenceBoundaries.forEach(in: buffer) { sentenceStarts.append(Int32($0.lowerBound)) }
        var nextSentence = 0
        var previousEnd = 0
        for k in first..<tokens.count {
            let start = Int(tokens[k].start)
            var flags = shapeFlags(buffer, start, Int(tokens[k].end))
            if k == first {
                flags.insert(.lineStart)
            } else {
                for j in previousEnd..<start where buffer[j] == 0x0A {
                    flags.insert(.lineStart)
                    break
                }
            }
            while nextSentence < sentenceStarts.count, Int(sentenceStarts[nextSentence]) <= start {
                flags.insert(.sentenceStart)
                nextSentence += 1
            }
            tokens[k].flags = flags
            previousEnd = Int(tokens[k].end)
        }
        markCapsLines(&tokens, from: first)
    }

    /// The tokens of `text`.
    public static func tokens(of text: String) -> [Token] {
        var text = text
        var tokens: [Token] = []
        text.withUTF8 { tokenize($0, into: &tokens) }
        return tokens
    }

    // MARK: - Characters

    /// The number of bytes of the space character at `i`, or 0.
    @inline(__always)
    static func spaceWidth(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = buffer[i]
        if b < 0x80 { return b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C || b < 0x20 ? 1 : 0 }
        let (scalar, width) = decode(buffer, i)
        switch scalar {
        case 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return width
        default: return 0
        }
    }

    /// The scalar at `i` and its length in bytes (U+FFFD for a malformed sequence, one byte long).
    @inline(__always)
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b = UInt32(buffer[i])
        let n = buffer.count
        if b < 0x80 { return (b, 1) }
        if b >= 0xC2, b < 0xE0, i + 1 < n { return ((b & 0x1F) << 6 | UInt32(buffer[i + 1] & 0x3F), 2) }
        if b >= 0xE0, b < 0xF0, i + 2 < n {
            return ((b & 0x0F) << 12 | UInt32(buffer[i + 1] & 0x3F) << 6 | UInt32(buffer[i + 2] & 0x3F), 3)
        }
        if b >= 0xF0, b < 0xF5, i + 3 < n {
            let v = (b & 0x07) << 18 | UInt32(buffer[i + 1] & 0x3F) << 12 | UInt32(buffer[i + 2] & 0x3F) << 6
            return (v | UInt32(buffer[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// Whether the scalar is a letter or digit for tokenizing: ASCII alphanumerics and every scalar from
    /// U+00C0 up except punctuation and symbol blocks.
    @inline(__always)
    static func isWordScalar(_ s: UInt32) -> Bool {
        if s < 0x80 {
            return (s | 0x20) &- 0x61 < 26 || s &- 0x30 < 10
        }
        if s < 0xC0 || s == 0xD7 || s == 0xF7 || s == 0xFFFD { return false }
        if s >= 0x2000 && s < 0x2C00 { return false }
        if s >= 0x3000 && s < 0x3040 { return false }
        if s >= 0xFE00 && s < 0xFE10 { return false }
        if s >= 0xFF00 && s < 0xFF10 { return false }
        return true
    }

    @inline(__always)
    static func isWord(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < buffer.count else { return false }
        let b = buffer[i]
        if b < 0x80 { return (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }
        return isWordScalar(decode(buffer, i).0)
    }

    @inline(__always)
    static func isDigit(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= 0 && i < buffer.count && buffer[i] &- 0x30 < 10
    }

    @inline(__always)
    static func isLetter(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 0, i < buffer.count else { return false }
        let b = buffer[i]
        return (b | 0x20) &- 0x61 < 26 || b >= 0xC3
    }

    /// The length of an apostrophe at `i` (`'` or `’`), or 0.
    @inline(__always)
    static func apostropheWidth(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i < buffer.count else { return 0 }
        if buffer[i] == UInt8(ascii: "'") { return 1 }
        if buffer[i] == 0xE2, i + 2 < buffer.count, buffer[i + 1] == 0x80, buffer[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// The length of a clitic starting at the apostrophe at `i` (`'s`, `'re`, `'ll`, `'ve`, `'m`, `'d`),
    /// or 0 when none ends there.
    static func cliticLength(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let a = apostropheWidth(buffer, i)
        guard a > 0 else { return 0 }
        var j = i + a
        var letters = 0
        while j < buffer.count, (buffer[j] | 0x20) &- 0x61 < 26, letters < 3 {
            j += 1
            letters += 1
        }
        guard letters > 0, !isWord(buffer, j) else { return 0 }
        var word: (UInt8, UInt8) = (buffer[i + a] | 0x20, letters > 1 ? buffer[i + a + 1] | 0x20 : 0)
        if letters == 1 { word.1 = 0 }
        switch (word, letters) {
        case ((UInt8(ascii: "s"), 0), 1), ((UInt8(ascii: "m"), 0), 1), ((UInt8(ascii: "d"), 0), 1),
            ((UInt8(ascii: "r"), UInt8(ascii: "e")), 2), ((UInt8(ascii: "l"), UInt8(ascii: "l")), 2),
            ((UInt8(ascii: "v"), UInt8(ascii: "e")), 2):
            return j - i
        default:
            return 0
        }
    }

    /// Whether `n't` (with either apostrophe) starts at `i` and ends a word.
    static func isNegationClitic(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i < buffer.count, buffer[i] | 0x20 == UInt8(ascii: "n") else { return 0 }
        let a = apostropheWidth(buffer, i + 1)
        guard a > 0, i + 1 + a < buffer.count, buffer[i + 1 + a] | 0x20 == UInt8(ascii: "t"),
            !isWord(buffer, i + 2 + a)
        else { return 0 }
        return 2 + a
    }

    // MARK: - Tokens

    /// The end of the token starting at `start` (not a space).
    static func tokenEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = buffer.count
        guard isWord(buffer, start) else {
            let clitic = cliticLength(buffer, start)
            if clitic > 0 { return start + clitic }
            let b = buffer[start]
            if b < 0x80 {
                var j = start + 1
                while j < n, buffer[j] == b, b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "=")
                    || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "!")
                    || b == UInt8(ascii: "?")
                {
                    j += 1
                }
                return j
            }
            return start + decode(buffer, start).1
        }
        let negation = isNegationClitic(buffer, start)
        if negation > 0 { return start + negation }
        if let url = urlEnd(buffer, start) { return url }
        var j = start
        while true {
            // A run of word characters.
            while j < n {
                if buffer[j] < 0x80 {
                    guard (buffer[j] | 0x20) &- 0x61 < 26 || buffer[j] &- 0x30 < 10 else { break }
                    j += 1
                } else {
                    let (s, w) = decode(buffer, j)
                    guard isWordScalar(s) else { break }
                    j += w
                }
            }
            guard j < n else { return j }
            // `don't`: stop before the `n` of `n't`.
            if j - start > 1, isNegationClitic(buffer, j - 1) > 0 { return j - 1 }
            let c = buffer[j]
            let joins: Bool
            var width = 1
            switch c {
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "@"):
                joins = isWord(buffer, j + 1)
            case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"):
                joins = isDigit(buffer, j - 1) && isDigit(buffer, j + 1)
            case UInt8(ascii: "&"):
                joins = isLetter(buffer, j - 1) && isLetter(buffer, j + 1) && buffer[j - 1] &- 0x41 < 26
            default:
                width = apostropheWidth(buffer, j)
                joins = width > 0 && cliticLength(buffer, j) == 0 && isLetter(buffer, j + width)
                    && isLetter(buffer, j - 1)
            }
            guard joins else { break }
            j += width
        }
        if j < n, buffer[j] == UInt8(ascii: "."), keepsFinalDot(buffer, start, j) { return j + 1 }
        // Currency prefixes: `C$`, `US$`, `A$`.
        if j < n, buffer[j] == UInt8(ascii: "$"), j - start <= 3, (start..<j).allSatisfy({ buffer[$0] &- 0x41 < 26 }) {
            return j + 1
        }
        return j
    }

    /// The end of a URL (`http://`, `https://`, `www.`) starting at `start`, or `nil`.
    static func urlEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let n = buffer.count
        func has(_ s: StaticString, at i: Int) -> Bool {
            guard i + s.utf8CodeUnitCount <= n else { return false }
            for k in 0..<s.utf8CodeUnitCount where buffer[i + k] | 0x20 != s.utf8Start[k] { return false }
            return true
        }
        guard has("http://", at: start) || has("https://", at: start) || has("www.", at: start) else { return nil }
        var j = start
        while j < n, buffer[j] > 0x20, buffer[j] != UInt8(ascii: "\""), buffer[j] != UInt8(ascii: "<") { j += 1 }
        while j > start, let last = Optional(buffer[j - 1]),
            last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ")")
                || last == UInt8(ascii: ";") || last == UInt8(ascii: "'")
        {
            j -= 1
        }
        return j
    }

    /// Whether the `.` at `dot` belongs to the word `start..<dot`: an initial (`J.`), a dotted
    /// abbreviation (`U.S.`) or a known abbreviation (`Mr.`, `Inc.`, `Jan.`).
    static func keepsFinalDot(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ dot: Int) -> Bool {
        let length = dot - start
        if length == 1 { return buffer[start] &- 0x41 < 26 }
        if length >= 3, buffer[dot - 2] == UInt8(ascii: "."), isLetter(buffer, dot - 1) { return true }
        guard let key = SentenceBoundaries.Key(buffer, start, dot, lowercase: true) else { return false }
        return SentenceBoundaries.abbreviations.contains(key)
    }

    /// Case and character-class flags of `start..<end`.
    static func shapeFlags(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Token.Flags {
        var upper = 0
        var lower = 0
        var digits = 0
        var firstUpper = false
        var i = start
        while i < end {
            let b = buffer[i]
            if b < 0x80 {
                if b &- 0x41 < 26 {
                    upper += 1
                    if i == start { firstUpper = true }
                } else if b &- 0x61 < 26 {
                    lower += 1
                } else if b &- 0x30 < 10 {
                    digits += 1
                }
                i += 1
            } else {
                let (s, w) = decode(buffer, i)
                if isWordScalar(s), let scalar = Unicode.Scalar(s) {
                    let p = scalar.properties
                    if p.isUppercase {
                        upper += 1
                        if i == start { firstUpper = true }
                    } else if p.isLowercase {
                        lower += 1
                    } else if p.numericType != nil {
                        digits += 1
                    } else {
                        lower += 1  // caseless scripts read as lower case
                    }
                }
                i += w
            }
        }
        var flags: Token.Flags = []
        if firstUpper { flags.insert(.capitalized) }
        if upper > 0 && lower == 0 { flags.insert(.allCaps) }
        if digits > 0 { flags.insert(.hasDigit) }
        if upper + lower + digits == 0 { flags.insert(.punctuation) }
        return flags
    }

    /// Marks the tokens of lines whose letters are all upper case (at least two letters in all).
    static func markCapsLines(_ tokens: inout [Token], from first: Int) {
        var lineStart = first
        while lineStart < tokens.count {
            var lineEnd = lineStart + 1
            while lineEnd < tokens.count, !tokens[lineEnd].flags.contains(.lineStart) { lineEnd += 1 }
            var caps = true
            var letterBytes = 0
            for k in lineStart..<lineEnd {
                let f = tokens[k].flags
                if f.contains(.punctuation) { continue }
                if f.contains(.allCaps) {
                    letterBytes += Int(tokens[k].end - tokens[k].start)
                } else if !(f.contains(.hasDigit) && !f.contains(.capitalized)) {
                    caps = false
                    break
                }
            }
            if caps && letterBytes >= 2 {
                for k in lineStart..<lineEnd { tokens[k].flags.insert(.inCapsLine) }
            }
            lineStart = lineEnd
        }
    }
}

/// A rule-based sentence splitter over UTF-8 bytes.
///
/// Every line break ends a sentence. Inside a line, a sentence ends after `.`, `!` or `?` (plus any
/// closing quotes or brackets) when whitespace and then an upper-case letter, a digit or an opening
/// quote or bracket follow — except after a title or month abbreviation (`Mr.`, `Dr.`, `Jan.`), a
/// single-letter initial (`J. K. Rowling`), `No.`-style abbreviations before a number, and dotted
/// abbreviations (`U.S.`, `a.m.`) unless the next word is a common sentence opener (`The`, `He`, …).
public enum SentenceBoundaries {
    /// Calls `body` with the byte range of each sentence in `buffer`, trimmed of spaces.
    public static func forEach(in buffer: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var lineStart = 0
        let count = buffer.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, buffer[lineEnd] != 0x0A { lineEnd += 1 }
            splitLine(buffer, lineStart, lineEnd, body)
            lineStart = lineEnd + 1
        }
    }

    /// The number of sentences in `buffer`.
    public static func count(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        forEach(in: buffer) { _ in n += 1 }
        return n
    }

    /// The sentences of `text`.
    public static func sentences(in text: String) -> [Substring] {
        var result: [Substring] = []
        var text = text
        let copy = text
        text.withUTF8 { buffer in
            forEach(in: buffer) { range in
                let utf8 = copy.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                let upper = utf8.index(lower, offsetBy: range.count)
                result.append(copy[lower..<upper])
            }
        }
        return result
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }

    private static func emit(
        _ buffer: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        _ body: (Range<Int>) -> Void
    ) {
        var s = start
        var e = end
        while s < e, isSpace(buffer[s]) { s += 1 }
        while e > s, isSpace(buffer[e - 1]) { e -= 1 }
        if s < e { body(s..<e) }
    }

    private static func splitLine(
        _ buffer: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        _ body: (Range<Int>) -> Void
    ) {
        var sentenceStart = start
        var i = start
        while i < end {
            let b = buffer[i]
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") else {
                i += 1
                continue
            }
            let punctStart = i
            var dots = 0
            while i < end,
                buffer[i] == UInt8(ascii: ".") || buffer[i] == UInt8(ascii: "!") || buffer[i] == UInt8(ascii: "?")
            {
                if buffer[i] == UInt8(ascii: ".") { dots += 1 }
                i += 1
            }
            let single = i - punctStart == 1 && dots == 1
            // Closing quotes and brackets.
            while i < end {
                let c = buffer[i]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]")
                {
                    i += 1
                } else if c == 0xE2, i + 2 < end, buffer[i + 1] == 0x80, buffer[i + 2] == 0x9D || buffer[i + 2] == 0x99
                {
                    i += 3
                } else {
                    break
                }
            }
            let punctEnd = i
            var j = i
            guard j < end, isSpace(buffer[j]) else { continue }
            while j < end, isSpace(buffer[j]) { j += 1 }
            guard j < end else { continue }
            var k = j
            let c = buffer[k]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: "[") {
                k += 1
            } else if c == 0xE2, k + 2 < end, buffer[k + 1] == 0x80, buffer[k + 2] == 0x9C || buffer[k + 2] == 0x98 {
                k += 3
            }
            guard k < end else { continue }
            let n = buffer[k]
            let opensSentence = (n >= UInt8(ascii: "A") && n <= UInt8(ascii: "Z")) || (n &- 0x30 < 10)
            guard opensSentence else { continue }
            if single && isAbbreviation(buffer, lineStart: sentenceStart, punct: punctStart, nextWord: k, end: end) {
                continue
            }
            emit(buffer, sentenceStart, punctEnd, body)
            sentenceStart = punctEnd
        }
        emit(buffer, sentenceStart, end, body)
    }

    /// Packs up to 16 ASCII bytes, lower-cased, into a key.
    struct Key: Hashable {
        var a: UInt64 = 0
        var b: UInt64 = 0

        init?(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercase: Bool) {
            guard end - start <= 16, end > start else { return nil }
            for k in start..<end {
                var c = buffer[k]
                if c >= 0x80 { return nil }
                if lowercase, c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z") { c |= 0x20 }
                let p = k - start
                if p < 8 { a |= UInt64(c) << UInt64(p * 8) } else { b |= UInt64(c) << UInt64((p - 8) * 8) }
            }
        }

        init(_ s: String) {
            var key = Key()
            for (p, c) in s.utf8.enumerated() where p < 16 {
                if p < 8 { key.a |= UInt64(c) << UInt64(p * 8) } else { key.b |= UInt64(c) << UInt64((p - 8) * 8) }
            }
            self = key
        }

        private init() {}
    }

    static let abbreviations: Set<Key> = Set(
        """
        mr mrs ms messrs dr prof sr jr st gen gov sen rep reps col lt capt cpt sgt maj cmdr adm rev hon pres
        supt insp det cpl pvt atty amb sec treas fr inc corp ltd co bros vs approx dept univ ave blvd rd mt ft
        jan feb mar apr jun jul aug sep sept oct nov dec
        ala ariz ark calif colo conn fla ill kan md mass mich minn miss mont neb nev okla ore tenn tex wash wis wyo
        """.split(whereSeparator: \.isWhitespace).map { Key(String($0)) }
    )
    static let numbered: Set<Key> = Set(["no", "nos", "vol", "fig", "figs", "art", "p", "pp"].map { Key($0) })
    static let openers: Set<Key> = Set(
        """
        The A An He She It They We I You His Her Its Their Our My This That These Those There Here
        But And Or So Yet Still Now Then When While If As At In On By For From To With After Before
        Police Officials Authorities Meanwhile However Also Some Many Most Several One Two Three
        """.split(whereSeparator: \.isWhitespace).map { Key(String($0)) }
    )

    private static func isWordByte(_ c: UInt8) -> Bool {
        (c | 0x20) &- UInt8(ascii: "a") < 26 || c &- 0x30 < 10 || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "-") || c == UInt8(ascii: "'")
    }

    /// Whether the `.` at `punct` ends an abbreviation rather than a sentence.
    private static func isAbbreviation(
        _ buffer: UnsafeBufferPointer<UInt8>,
        lineStart: Int,
        punct: Int,
        nextWord: Int,
        end: Int
    ) -> Bool {
        var s = punct
        while s > lineStart, isWordByte(buffer[s - 1]) { s -= 1 }
        var e = punct
        while s < e, buffer[s] == UInt8(ascii: "'") { s += 1 }
        while e > s, buffer[e - 1] == UInt8(ascii: "'") { e -= 1 }
        guard s < e else { return false }
        var stripped = e
        while stripped > s, buffer[stripped - 1] == UInt8(ascii: ".") { stripped -= 1 }
        if let key = Key(buffer, s, stripped, lowercase: true) {
            if abbreviations.contains(key) { return true }
            if numbered.contains(key) { return buffer[nextWord] &- 0x30 < 10 }
        }
        if e - s == 1 {
            let c = buffer[s]
            return c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")
        }
        // Dotted: U.S, a.m, e.g, D.C (letters alternating with dots).
        var dotted = e - s >= 3
        var p = s
        while dotted && p < e {
            let letter = (buffer[p] | 0x20) &- UInt8(ascii: "a") < 26
            let dotNext = p + 1 >= e || buffer[p + 1] == UInt8(ascii: ".")
            if !letter || !dotNext { dotted = false }
            p += 2
        }
        if dotted {
            var w = nextWord
            while w < end, (buffer[w] | 0x20) &- UInt8(ascii: "a") < 26 || buffer[w] == UInt8(ascii: "'") { w += 1 }
            guard let next = Key(buffer, nextWord, w, lowercase: false) else { return true }
            return !openers.contains(next)
        }
        return false
    }
}

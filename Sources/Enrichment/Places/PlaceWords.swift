/// The words of a text as byte and scalar ranges, for matching gazetteer names over runs of words.
///
/// A word is a run of letters, digits, dots and inner apostrophes (a final `'s` is left out); words
/// separated by one space or dash can form a name together.
struct PlaceWords {
    struct Word {
        var start: Int
        var end: Int
        var scalarStart: Int
        var scalarEnd: Int
        /// Starts with an upper-case ASCII letter or a non-ASCII letter.
        var capitalised: Bool
        /// `of`, `and`, `the`, `de`: lower-case words inside names.
        var connector: Bool
        /// The word `the` in any case (names are keyed without it, so no run starts with it).
        var article: Bool
        /// Only one space or dash separates this word from the next.
        var joinedToNext: Bool
    }

    private(set) var words: [Word] = []

    /// Splits `bytes` (valid UTF-8), one scalar at a time. With `namesOnly`, only the words that can be
    /// part of a capitalised run are kept (capitalised words and connectors; a word left out breaks the
    /// run as it would have), for ``forEachRun(in:maxWords:capitalisedOnly:_:)`` with
    /// `capitalisedOnly`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, namesOnly: Bool = false) {
        words.reserveCapacity(bytes.count / 6)
        var i = 0
        var scalar = 0
        let n = bytes.count
        while i < n {
            let step = Self.wordScalar(bytes, i)
            guard step > 0 else {
                i -= step
                scalar += 1
                continue
            }
            let start = i
            let scalarStart = scalar
            while i < n {
                let length = Self.wordScalar(bytes, i)
                if length > 0 {
                    i += length
                } else if bytes[i] == UInt8(ascii: "'") && i + 1 < n && Self.isLetter(bytes[i + 1]) {
                    i += 1
                } else {
                    break
                }
                scalar += 1
            }
            var end = i
            var scalarEnd = scalar
            if end - start > 2 && bytes[end - 2] == UInt8(ascii: "'") && (bytes[end - 1] | 0x20) == UInt8(ascii: "s") {
                end -= 2
                scalarEnd -= 2
            }
            let first = bytes[start]
            let capitalised = (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")) || first >= 0xC3
            let connector = Self.isConnector(bytes, start, end)
            if namesOnly && !capitalised && !connector {
                if !words.isEmpty { words[words.count - 1].joinedToNext = false }
                continue
            }
            if let previous = words.last, previous.joinedToNext, previous.end + 1 != start {
                words[words.count - 1].joinedToNext = false
            }
            let joined = i < n && (bytes[i] == 0x20 || bytes[i] == UInt8(ascii: "-"))
            words.append(
                Word(
                    start: start, end: end, scalarStart: scalarStart, scalarEnd: scalarEnd, capitalised: capitalised,
                    connector: connector,
                    article: end - start == 3 && (bytes[start] | 0x20) == 0x74 && (bytes[start + 1] | 0x20) == 0x68
                        && (bytes[start + 2] | 0x20) == 0x65,
                    joinedToNext: joined && end == i))
        }
    }

    /// Calls `body` with the key of every run of up to `maxWords` joined words, shortest first, for
    /// runs that start and end with a capitalised word (any word when `capitalisedOnly` is false).
    /// `body` returns how many words it consumed (0 to go on with the next word).
    /// With `firstWordFilter`, only starts whose first word's key passes it are offered.
    func forEachRun(
        in bytes: UnsafeBufferPointer<UInt8>, maxWords: Int, capitalisedOnly: Bool,
        firstWordFilter: ((UInt64) -> Bool)? = nil,
        _ body: (_ first: Word, _ runs: [(words: Int, key: UInt64, last: Word)]) -> Int
    ) {
        var runs: [(words: Int, key: UInt64, last: Word)] = []
        var i = 0
        while i < words.count {
            let first = words[i]
            guard first.capitalised || !capitalisedOnly, !first.article else {
                i += 1
                continue
            }
            if let firstWordFilter, !firstWordFilter(PlaceName.key(UnsafeBufferPointer(rebasing: bytes[first.start..<first.end]))) {
                i += 1
                continue
            }
            runs.removeAll(keepingCapacity: true)
            var j = i
            while j < words.count && j - i < maxWords {
                let last = words[j]
                if !capitalisedOnly || last.capitalised {
                    runs.append((j - i + 1, PlaceName.key(UnsafeBufferPointer(rebasing: bytes[first.start..<last.end])), last))
                } else if !last.connector {
                    break
                }
                guard words[j].joinedToNext else { break }
                j += 1
            }
            let consumed = body(first, runs)
            i += max(1, consumed)
        }
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b >= 0x80
    }

    /// The byte length of the scalar at `i` if it belongs to a word, else minus its length. Word
    /// scalars: ASCII letters and digits, a dot between letters (`U.S`) or closing an abbreviation
    /// (`U.S.`), and non-ASCII letters — not general punctuation (U+2000–U+206F: quotes, dashes) or
    /// NBSP and the rest of U+0080–U+00BF.
    @inline(__always)
    private static func wordScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = bytes[i]
        let n = bytes.count
        if b < 0x80 {
            if isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) { return 1 }
            guard b == UInt8(ascii: ".") else { return -1 }
            let between = i > 0 && isLetter(bytes[i - 1]) && i + 1 < n && isLetter(bytes[i + 1])
            return between || (i > 1 && bytes[i - 2] == UInt8(ascii: ".")) ? 1 : -1
        }
        let length = min(n - i, b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1)
        if b == 0xE2 && i + 1 < n && bytes[i + 1] == 0x80 { return -length }
        if b == 0xC2 && i + 1 < n && bytes[i + 1] < 0xC0 { return -length }
        return length
    }

    private static func isConnector(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = end - start
        guard n >= 2 && n <= 3 else { return false }
        let a = bytes[start], b = bytes[start + 1]
        if n == 2 { return (a == 0x6F && b == 0x66) || (a == 0x64 && b == 0x65) || (a == 0x65 && b == 0x6C) }  // of de el
        let c = bytes[start + 2]
        return (a == 0x61 && b == 0x6E && c == 0x64) || (a == 0x74 && b == 0x68 && c == 0x65)  // and the
    }
}

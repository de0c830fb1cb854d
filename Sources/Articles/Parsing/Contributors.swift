/// Names from a closing credit line ("X reported from Moscow. Y and Z contributed to this report.").
///
/// Works on the UTF-8 bytes: capitalised word runs are names; a possessive (`CNN’s`, `ABC News'`) drops
/// the run before it (the employer); words after `from`, `in`, `at`, `on` are places, up to the next
/// clause break (`,` `;` `.` or `and`).
enum Contributors {
    private static let markers = ByteSearch.NeedleSet([
        "contributed", "reported from", "reporting from", "wrote from", "reported and wrote", "reporting by",
        "writing by", "editing by", "additional reporting",
    ])

    /// Whether `buffer[start..<end]` has a credit marker (`contributed`, `reported from`…): without one,
    /// ``names(in:)`` is `nil`.
    static func hasMarker(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        ByteSearch.containsAny(buffer, start, end, markers)
    }

    /// The people credited in `line`, or `nil` when it is not a credit line.
    static func names(in line: String) -> [String]? {
        var line = line
        return line.withUTF8 { buffer -> [String]? in
            guard ByteSearch.containsAny(buffer, 0, buffer.count, markers) else { return nil }
            let names = scan(buffer)
            return names.isEmpty ? nil : names
        }
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> [String] {
        var names: [String] = []
        var runStart = -1
        var runEnd = -1
        var runWords = 0
        var skippingPlace = false

        func flush() {
            if runWords >= 2, runWords <= 5, !startsWithArticle(buffer, runStart) {
                names.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[runStart..<runEnd]), as: UTF8.self))
            }
            runWords = 0
            runStart = -1
        }

        let count = buffer.count
        var i = 0
        while i < count {
            while i < count, buffer[i] == 0x20 { i += 1 }
            guard i < count else { break }
            var end = i
            while end < count, buffer[end] != 0x20 { end += 1 }
            var s = i
            var e = end
            i = end
            // Opening quotes and brackets.
            while s < e,
                buffer[s] == UInt8(ascii: "(") || buffer[s] == UInt8(ascii: "\"") || buffer[s] == UInt8(ascii: "[")
            { s += 1 }
            if e - s >= 3, buffer[s] == 0xE2, buffer[s + 1] == 0x80, buffer[s + 2] == 0x9C { s += 3 }
            // Closing punctuation; `.` after a single capital is an initial.
            var clauseEnd = false
            while e > s {
                let b = buffer[e - 1]
                if b == UInt8(ascii: ".") && e - s == 2 && isUpperASCII(buffer[s]) { break }
                if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
                    || b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
                {
                    clauseEnd = true
                    e -= 1
                } else if b == UInt8(ascii: "\"") {
                    e -= 1
                } else if e - s >= 3, b == 0x9D, buffer[e - 2] == 0x80, buffer[e - 3] == 0xE2 {
                    e -= 3
                } else {
                    break
                }
            }
            if s < e {
                if equalsLower(buffer, s, e, "and") || (e - s == 1 && buffer[s] == UInt8(ascii: "&")) {
                    flush()
                    skippingPlace = false
                } else if startsUpper(buffer, s, e) {
                    if isPossessive(buffer, s, e) {
                        runWords = 0  // "CNN’s", "ABC News'": the employer, not a name
                        runStart = -1
                        skippingPlace = false
                    } else if !skippingPlace {
                        if runStart < 0 { runStart = s }
                        runEnd = e
                        runWords += 1
                    }
                } else if runWords > 0 && !skippingPlace && isConnector(buffer, s, e) {
                    runEnd = e
                    runWords += 1
                } else {
                    flush()
                    if equalsLower(buffer, s, e, "from") || equalsLower(buffer, s, e, "in")
                        || equalsLower(buffer, s, e, "at")
                        || equalsLower(buffer, s, e, "on")
                    {
                        skippingPlace = true
                    } else if equalsLower(buffer, s, e, "by") {
                        skippingPlace = false
                    }
                }
            }
            if clauseEnd {
                flush()
                skippingPlace = false
            }
        }
        flush()
        return names
    }

    private static func isUpperASCII(_ b: UInt8) -> Bool { b &- UInt8(ascii: "A") < 26 }

    private static func startsUpper(_ buffer: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let b = buffer[s]
        if b < 0x80 { return isUpperASCII(b) }
        return LineFeatures.scalar(buffer, at: s, end: e)?.properties.isUppercase ?? false
    }

    private static func equalsLower(
        _ buffer: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ word: StaticString
    )
        -> Bool
    {
        guard e - s == word.utf8CodeUnitCount else { return false }
        for k in 0..<(e - s) where ByteSearch.lower(buffer[s + k]) != word.utf8Start[k] { return false }
        return true
    }

    private static func isConnector(_ buffer: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        equalsLower(buffer, s, e, "de") || equalsLower(buffer, s, e, "van") || equalsLower(buffer, s, e, "von")
            || equalsLower(buffer, s, e, "der") || equalsLower(buffer, s, e, "da") || equalsLower(buffer, s, e, "di")
            || equalsLower(buffer, s, e, "al") || equalsLower(buffer, s, e, "bin") || equalsLower(buffer, s, e, "le")
            || equalsLower(buffer, s, e, "la") || equalsLower(buffer, s, e, "du") || equalsLower(buffer, s, e, "del")
    }

    /// `X's`, `X’s`, `Xs'`, `Xs’`.
    private static func isPossessive(_ buffer: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let n = e - s
        if n >= 3, buffer[e - 1] == UInt8(ascii: "s"), buffer[e - 2] == UInt8(ascii: "'") { return true }
        if n >= 3, buffer[e - 1] == UInt8(ascii: "'"), buffer[e - 2] == UInt8(ascii: "s") { return true }
        if n >= 5, buffer[e - 1] == UInt8(ascii: "s"), buffer[e - 2] == 0x99, buffer[e - 3] == 0x80,
            buffer[e - 4] == 0xE2
        {
            return true
        }
        if n >= 5, buffer[e - 1] == 0x99, buffer[e - 2] == 0x80, buffer[e - 3] == 0xE2,
            buffer[e - 4] == UInt8(ascii: "s")
        {
            return true
        }
        return false
    }

    /// Whether the run starts with "The " or "A " (an organisation or description, not a person).
    private static func startsWithArticle(_ buffer: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        var e = s
        while e < buffer.count, buffer[e] != 0x20 { e += 1 }
        return equalsLower(buffer, s, e, "the") || equalsLower(buffer, s, e, "a")
    }
}

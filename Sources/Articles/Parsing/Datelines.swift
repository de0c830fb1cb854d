/// Recognises the dateline that opens a story: `(CNN)`, `Moscow CNN —`, `LONDON (Reuters) -`,
/// `WASHINGTON, D.C. (AP) --`, `NEW YORK —`.
enum Datelines {
    struct Match {
        var dateline: Dateline
        /// Where the body text starts (the line end when the dateline stands alone).
        var bodyStart: Int
    }

    private static let connectors: Set<String> = [
        "de", "del", "la", "el", "al", "of", "upon", "am", "an", "der", "on", "da",
    ]

    static func match(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Match? {
        guard start < end else { return nil }
        if buffer[start] == UInt8(ascii: "(") { return matchAgencyOnly(buffer, start: start, end: end) }
        // A place and an agency in brackets with no dash after them, on a line of their own, glued to
        // the text or before a new sentence: `London (CNN)`, `Tokyo (CNN)Police in Japan…`; not a name
        // and its abbreviation (`the Monetary Fund (IMF) said`).
        if let close = (start..<min(end, start + 60)).first(where: { buffer[$0] == UInt8(ascii: ")") }),
            isAgencyInBrackets(buffer, start: start, end: close + 1),
            separatorEnd(buffer, at: skipSpaces(buffer, close + 1, end), end: end) == nil,
            !continuesSentence(buffer, after: close, end: end),
            !isAbbreviation(buffer, start: start, end: close + 1)
        {
            return matchPrefix(buffer, start: start, prefixEnd: close + 1, separatorEnd: close + 1, end: end)
        }
        // Find a separator: " - ", " -- ", " – ", " — " (or the dash ending the line).
        var k = start
        let limit = min(end, start + 90)
        while k < limit {
            let b = buffer[k]
            if b == UInt8(ascii: ":") || b == UInt8(ascii: "\"") || b == UInt8(ascii: ";") { return nil }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?"), k + 1 < end,
                buffer[k + 1] == 0x20
            {
                // A sentence ended before any separator, unless the dot closes an initial ("D.C.").
                let initial =
                    b == UInt8(ascii: ".") && k > start && isUpper(buffer[k - 1])
                    && (k - 1 == start || buffer[k - 2] == 0x20 || buffer[k - 2] == UInt8(ascii: "."))
                if !initial { return nil }
            }
            if b == 0x20, let sepEnd = separatorEnd(buffer, at: k + 1, end: end) {
                // A line without lower case and with text after the dash is a headline and its source
                // (`COCONUT OIL CONTRACT TO CHANGE - DUTCH TRADERS`).
                if sepEnd < end, !(start..<end).contains(where: { buffer[$0] &- UInt8(ascii: "a") < 26 }) { return nil }
                return matchPrefix(buffer, start: start, prefixEnd: k, separatorEnd: sepEnd, end: end)
            }
            k += 1
        }
        return nil
    }

    /// Whether `buffer[start..<end]` ends with an agency's name in brackets after one to four words: at most two
    /// words with two capitals in a row (`CNN`, `AP`, `CNN Business`) or `Reuters`.
    private static func isAgencyInBrackets(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard let open = (start..<end).last(where: { buffer[$0] == UInt8(ascii: "(") }), open > start else { return false }
        let agency = UnsafeBufferPointer(rebasing: buffer[(open + 1)..<(end - 1)])
        let locationWords = buffer[start..<open].reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) } - 1
        guard locationWords >= 1, locationWords <= 4, !agency.isEmpty, agency.count(where: { $0 == 0x20 }) <= 1 else {
            return false
        }
        if agency.elementsEqual("Reuters".utf8) { return true }
        return zip(agency, agency.dropFirst()).contains { isUpper($0) && isUpper($1) }
    }

    /// Whether a space and a lower-case word follow the bracket closing at `close` (`(IMF) said`).
    private static func continuesSentence(_ buffer: UnsafeBufferPointer<UInt8>, after close: Int, end: Int) -> Bool {
        close + 2 < end && buffer[close + 1] == 0x20 && buffer[close + 2] &- UInt8(ascii: "a") < 26
    }

    /// Whether the capitals in brackets at the end of `buffer[start..<end]` end with the initials of the
    /// two or more capitalised words before them (`Monetary Fund (IMF)`, `Statistics Services (NASS)`).
    private static func isAbbreviation(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard let open = (start..<end).last(where: { buffer[$0] == UInt8(ascii: "(") }) else { return false }
        var letters = (open + 1)..<(end - 1)
        var matched = 0
        var k = open
        while k > start, !letters.isEmpty {
            // The previous word's first byte.
            while k > start, buffer[k - 1] == 0x20 { k -= 1 }
            var w = k
            while w > start, buffer[w - 1] != 0x20 { w -= 1 }
            guard w < k else { break }
            k = w
            let initial = buffer[w]
            if !isUpper(initial) { continue }  // a connector (`of`, `de`)
            guard initial == buffer[letters.upperBound - 1] else { break }
            letters = letters.lowerBound..<(letters.upperBound - 1)
            matched += 1
        }
        return matched >= 2
    }

    /// The end of a dash separator starting at `i` when it is followed by a space or the line end.
    private static func separatorEnd(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        guard i < end else { return nil }
        var j = i
        if buffer[j] == UInt8(ascii: "-") {
            j += 1
            if j < end, buffer[j] == UInt8(ascii: "-") { j += 1 }
        } else if buffer[j] == 0xE2, j + 2 < end, buffer[j + 1] == 0x80, buffer[j + 2] == 0x93 || buffer[j + 2] == 0x94
        {
            j += 3
        } else {
            return nil
        }
        if j == end { return j }
        return buffer[j] == 0x20 ? j : nil
    }

    private static func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }

    private static func string(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(validUTF8: UnsafeBufferPointer(rebasing: buffer[start..<end]))
    }

    private static func skipSpaces(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, buffer[i] == 0x20 { i += 1 }
        return i
    }

    /// `(CNN)`, `(CNN) -- `, `(CNN Business)`.
    private static func matchAgencyOnly(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Match? {
        var close = start + 1
        while close < min(end, start + 32), buffer[close] != UInt8(ascii: ")") { close += 1 }
        guard close < end, buffer[close] == UInt8(ascii: ")"), close > start + 1 else { return nil }
        // `(FDIC) said …` continues a sentence whose start is on the line before.
        if continuesSentence(buffer, after: close, end: end) { return nil }
        let agency = string(buffer, start + 1, close)
        let words = agency.split(separator: " ")
        guard words.count <= 3, let first = agency.utf8.first, isUpper(first), !agency.contains(where: \.isNumber)
        else {
            return nil
        }
        var textEnd = close + 1
        var body = skipSpaces(buffer, close + 1, end)
        if let sepEnd = separatorEnd(buffer, at: body, end: end) {
            textEnd = sepEnd
            body = skipSpaces(buffer, sepEnd, end)
        }
        return Match(dateline: Dateline(agency: agency, text: string(buffer, start, textEnd)), bodyStart: body)
    }

    private static let connectorBytes = connectors.map { Array($0.utf8) }

    /// A byte-level pre-check of the words before a separator: at most seven, the first not starting with
    /// an ASCII lower-case letter, later ones only when they are connectors (`de`, `upon`).
    private static func plausiblePrefix(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var words = 0
        var i = start
        while i < end {
            while i < end, buffer[i] == 0x20 { i += 1 }
            guard i < end else { break }
            let wordStart = i
            while i < end, buffer[i] != 0x20 { i += 1 }
            words += 1
            let first = buffer[wordStart]
            guard words <= 7 else { return false }
            if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") {
                let word = UnsafeBufferPointer(rebasing: buffer[wordStart..<i])
                guard words > 1, connectorBytes.contains(where: { $0.elementsEqual(word) }) else { return false }
            }
        }
        return words > 0
    }

    private static func matchPrefix(
        _ buffer: UnsafeBufferPointer<UInt8>,
        start: Int,
        prefixEnd: Int,
        separatorEnd: Int,
        end: Int
    ) -> Match? {
        guard plausiblePrefix(buffer, start: start, end: prefixEnd) else { return nil }
        if !(start..<prefixEnd).contains(where: { buffer[$0] >= 0x80 }) {
            return matchASCIIPrefix(buffer, start: start, prefixEnd: prefixEnd, separatorEnd: separatorEnd, end: end)
        }
        let prefix = string(buffer, start, prefixEnd)
        let words = prefix.split(separator: " ")
        guard words.count >= 1, words.count <= 7 else { return nil }
        for (n, word) in words.enumerated() {
            guard let first = word.first else { return nil }
            let ok =
                first.isUppercase || first == "(" || first.isNumber || (n > 0 && connectors.contains(word.lowercased()))
            if !ok { return nil }
        }
        var agency: String?
        var locationPart = Substring(prefix)
        if prefix.hasSuffix(")"), let open = prefix.lastIndex(of: "(") {
            agency = String(prefix[prefix.index(after: open)..<prefix.index(before: prefix.endIndex)])
            locationPart = prefix[..<open]
        } else if words.count >= 2, let last = words.last, last.count >= 2, last.count <= 6,
            last.allSatisfy({ $0.isASCII && $0.isUppercase }),
            !words.dropLast().allSatisfy({ $0.allSatisfy { !$0.isLowercase } })
        {
            agency = String(last)
            locationPart = prefix[..<last.startIndex]
        }
        while let l = locationPart.last, l == " " || l == "," { locationPart.removeLast() }
        // Drop a date after the place: "LONDON, Feb 5".
        if let comma = locationPart.firstIndex(of: ","),
            locationPart[comma...].contains(where: \.isNumber)
        {
            locationPart = locationPart[..<comma]
        }
        let location = locationPart.isEmpty ? nil : String(locationPart)
        let standsAlone = separatorEnd >= end
        let shouting = location.map { $0.allSatisfy { !$0.isLowercase } } ?? false
        guard agency != nil || standsAlone || shouting else { return nil }
        if let agency, agency.isEmpty || agency.count > 30 { return nil }
        let body = skipSpaces(buffer, separatorEnd, end)
        return Match(
            dateline: Dateline(location: location, agency: agency, text: string(buffer, start, separatorEnd)),
            bodyStart: body
        )
    }
    /// ``matchPrefix(_:start:prefixEnd:separatorEnd:end:)`` for an all-ASCII prefix, on the bytes (the
    /// same rules, with ASCII letter classes).
    private static func matchASCIIPrefix(
        _ buffer: UnsafeBufferPointer<UInt8>,
        start: Int,
        prefixEnd: Int,
        separatorEnd: Int,
        end: Int
    ) -> Match? {
        @inline(__always) func isLower(_ b: UInt8) -> Bool { b &- UInt8(ascii: "a") < 26 }
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
        // Words (split on spaces) as byte ranges; plausiblePrefix has checked there are 1 to 7.
        var words: [Range<Int>] = []
        words.reserveCapacity(7)
        var i = start
        while i < prefixEnd {
            while i < prefixEnd, buffer[i] == 0x20 { i += 1 }
            guard i < prefixEnd else { break }
            let wordStart = i
            while i < prefixEnd, buffer[i] != 0x20 { i += 1 }
            words.append(wordStart..<i)
        }
        guard words.count >= 1, words.count <= 7 else { return nil }
        for (n, word) in words.enumerated() {
            let first = buffer[word.lowerBound]
            if isUpper(first) || first == UInt8(ascii: "(") || isDigit(first) { continue }
            guard n > 0, isConnector(buffer, word) else { return nil }
        }
        var agency: Range<Int>?
        var locationEnd = prefixEnd
        if buffer[prefixEnd - 1] == UInt8(ascii: ")"),
            let open = (start..<prefixEnd).last(where: { buffer[$0] == UInt8(ascii: "(") })
        {
            agency = (open + 1)..<(prefixEnd - 1)
            locationEnd = open
        } else if words.count >= 2, let last = words.last, last.count >= 2, last.count <= 6,
            last.allSatisfy({ isUpper(buffer[$0]) }),
            words.dropLast().contains(where: { word in word.contains { isLower(buffer[$0]) } })
        {
            agency = last
            locationEnd = last.lowerBound
        }
        while locationEnd > start, buffer[locationEnd - 1] == 0x20 || buffer[locationEnd - 1] == UInt8(ascii: ",") {
            locationEnd -= 1
        }
        // Drop a date after the place: "LONDON, Feb 5".
        if let comma = (start..<locationEnd).first(where: { buffer[$0] == UInt8(ascii: ",") }),
            (comma..<locationEnd).contains(where: { isDigit(buffer[$0]) })
        {
            locationEnd = comma
        }
        let standsAlone = separatorEnd >= end
        let shouting = locationEnd > start && !(start..<locationEnd).contains { isLower(buffer[$0]) }
        guard agency != nil || standsAlone || shouting else { return nil }
        if let agency, agency.isEmpty || agency.count > 30 { return nil }
        let body = skipSpaces(buffer, separatorEnd, end)
        return Match(
            dateline: Dateline(
                location: locationEnd > start ? string(buffer, start, locationEnd) : nil,
                agency: agency.map { string(buffer, $0.lowerBound, $0.upperBound) },
                text: string(buffer, start, separatorEnd)
            ),
            bodyStart: body
        )
    }

    /// Whether `buffer[word]` is one of ``connectors``, ignoring ASCII case.
    private static func isConnector(_ buffer: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        connectorBytes.contains { connector in
            connector.count == word.count
                && zip(connector, word).allSatisfy { $0 == ByteSearch.lower(buffer[$1]) }
        }
    }
}

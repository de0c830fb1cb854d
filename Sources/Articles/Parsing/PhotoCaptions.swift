/// Photo and video captions that carry no mark at all, recognised by the way agencies write them: one sentence in
/// the present tense about a scene, with the day it was taken (`Pope Francis celebrates mass on May 31,
/// 2020 at St Peter's Basilica.`, `A general view shows coffins in a warehouse in Bergamo, Italy, on
/// March 26, 2020.`). News prose about a dated event is in the past tense, attributed or quoted.
enum PhotoCaptions {
    /// Whether the line `buffer[start..<end]` reads like such a caption: 8 to 70 words ending in a full stop,
    /// a full date with its year, a place (`in`, `at`), a present-tense verb or `view of` / `is seen` /
    /// `is pictured` among the first ten words, and no quotation, no attribution (`said`, `according`), no perfect, past or future
    /// auxiliary (`has`, `was`, `will`), no first person, no past participle in the first eight words, and
    /// no opening preposition (`On May 31, 2020, police …`).
    static func isDatedScene(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int, features: LineFeatures) -> Bool {
        guard features.words >= 8, features.words <= 70, buffer[end - 1] == UInt8(ascii: ".") else { return false }
        let (openers, newsWords, notVerbs) = (Self.openers, Self.newsWords, Self.notVerbs)
        var present = false
        var located = false
        var previous: Range<Int>?
        let prose = !forEachWord(buffer, start, end) { index, word in
            let first = buffer[word.lowerBound]
            if first == UInt8(ascii: "\"") || first == 0xE2 && word.count >= 3 && buffer[word.lowerBound + 1] == 0x80
                && (buffer[word.lowerBound + 2] == 0x9C || buffer[word.lowerBound + 2] == 0x9D)
            {
                return false
            }
            if index == 0, openers.contains(buffer, word) { return false }
            if word.count == 2 {
                let second = buffer[word.lowerBound + 1]
                if first == UInt8(ascii: "i") && second == UInt8(ascii: "n") || first == UInt8(ascii: "a") && second == UInt8(ascii: "t") {
                    located = true
                }
            }
            if first &- UInt8(ascii: "a") < 26 || first == UInt8(ascii: "I") && word.count == 1 {
                if newsWords.contains(buffer, word) { return false }
                if index < 8, endsWith(buffer, word, "ed") { return false }
                if index < 10, !present {
                    present =
                        endsWith(buffer, word, "s") && !endsWith(buffer, word, "ss")
                        && !notVerbs.contains(buffer, word)
                        || previous.map { phrase(buffer, $0, word) } ?? false
                }
            }
            previous = word
            return true
        }
        if prose { return false }
        return present && located && hasFullDate(buffer, start, end)
    }

    /// Whether the line reads like a video caption: a short scene without a finite verb, a participle
    /// after its subject, a place and a weekday (`Boat parade honoring President Trump on Lake Travis
    /// Saturday.`): 5 to 14 words ending in a full stop, a word in `-ing` among the second to fourth, `in`,
    /// `at` or `on`, a weekday, and none of the words of prose (`said`, `is`, `was`, `will`, …) or quotes.
    static func isVerblessScene(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int, features: LineFeatures) -> Bool {
        guard features.words >= 5, features.words <= 14, buffer[end - 1] == UInt8(ascii: "."),
            buffer[start] &- UInt8(ascii: "A") < 26
        else {
            return false
        }
        let (newsWords, weekdays) = (Self.newsWords, Self.weekdays)
        var participle = false
        var located = false
        var weekday = false
        let prose = !forEachWord(buffer, start, end) { index, word in
            let first = buffer[word.lowerBound]
            if first == UInt8(ascii: "\"") || first == 0xE2 { return false }
            if first &- UInt8(ascii: "a") < 26 {
                if newsWords.contains(buffer, word) || finiteVerbs.contains(buffer, word) { return false }
                if (1...3).contains(index), word.count > 5, endsWith(buffer, word, "ing") { participle = true }
                if word.count == 2, prepositions.contains(buffer, word) { located = true }
            } else if weekdays.contains(buffer, word) {
                weekday = true
            }
            return true
        }
        if prose { return false }
        return participle && located && weekday
    }

    /// Calls `body` with each space-separated word of `buffer[start..<end]` (its index, and its range
    /// without trailing punctuation) while `body` returns `true`; returns `false` if `body` stopped it.
    private static func forEachWord(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ body: (Int, Range<Int>) -> Bool
    ) -> Bool {
        var index = 0
        var i = start
        while i < end {
            var j = i
            while j < end, buffer[j] != 0x20 { j += 1 }
            var word = i..<j
            while word.count > 1, isTrailingPunctuation(buffer[word.upperBound - 1]) { word = word.lowerBound..<(word.upperBound - 1) }
            if !word.isEmpty, !body(index, word) { return false }
            index += 1
            i = j + 1
        }
        return true
    }

    /// `Month D, YYYY` or `D Month YYYY` (a month name or its abbreviation, a day, a year from 1800 to 2099).
    static func hasFullDate(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + 4 <= end {
            // A four-digit year at a word start.
            while i + 4 <= end, buffer[i] != 0x20 { i += 1 }
            i += 1
            guard i + 4 <= end,
                buffer[i] == UInt8(ascii: "1") && buffer[i + 1] &- UInt8(ascii: "8") < 2
                    || buffer[i] == UInt8(ascii: "2") && buffer[i + 1] == UInt8(ascii: "0"),
                buffer[i + 2] &- UInt8(ascii: "0") < 10, buffer[i + 3] &- UInt8(ascii: "0") < 10,
                i + 4 == end || !(buffer[i + 4] &- UInt8(ascii: "0") < 10)
            else {
                continue
            }
            // Before it: `May 31,` or `31 May`.
            var k = i - 1
            if k > start, buffer[k - 1] == UInt8(ascii: ",") { k -= 1 }
            let wordEnd = k
            var wordStart = wordEnd
            while wordStart > start, buffer[wordStart - 1] != 0x20 { wordStart -= 1 }
            let previousWord = wordStart..<wordEnd
            if isDay(buffer, previousWord), wordStart > start + 1 {
                var monthStart = wordStart - 1
                while monthStart > start, buffer[monthStart - 1] != 0x20 { monthStart -= 1 }
                if isMonth(buffer, monthStart..<(wordStart - 1)) { return true }
            } else if isMonth(buffer, previousWord), wordStart > start + 1 {
                var dayStart = wordStart - 1
                while dayStart > start, buffer[dayStart - 1] != 0x20 { dayStart -= 1 }
                if isDay(buffer, dayStart..<(wordStart - 1)) { return true }
            }
            i += 4
        }
        return false
    }

    /// One or two digits.
    private static func isDay(_ buffer: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        (1...2).contains(word.count) && word.allSatisfy { buffer[$0] &- UInt8(ascii: "0") < 10 }
    }

    /// A capitalised month name or abbreviation (`May`, `Sept.`).
    private static func isMonth(_ buffer: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        !word.isEmpty && buffer[word.lowerBound] &- UInt8(ascii: "A") < 26 && months.contains(buffer, word)
    }

    /// Punctuation that ends a word (`,` `.` `;` `:` `)`).
    private static func isTrailingPunctuation(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
            || b == UInt8(ascii: ")")
    }

    /// Whether the word is longer than `suffix` plus one and ends with it.
    private static func endsWith(_ buffer: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard word.count > n + 1 else { return false }
        return suffix.withUTF8Buffer { s in (0..<n).allSatisfy { buffer[word.upperBound - n + $0] == s[$0] } }
    }

    /// `view of`, `is seen`, `are seen`, `is pictured`, `are pictured`.
    private static func phrase(_ buffer: UnsafeBufferPointer<UInt8>, _ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard (2...4).contains(first.count), (2...8).contains(second.count) else { return false }
        let a = UnsafeBufferPointer(rebasing: buffer[first])
        let b = UnsafeBufferPointer(rebasing: buffer[second])
        if a.elementsEqual("view".utf8) { return b.elementsEqual("of".utf8) }
        guard a.elementsEqual("is".utf8) || a.elementsEqual("are".utf8) else { return false }
        return b.elementsEqual("seen".utf8) || b.elementsEqual("pictured".utf8)
    }

    /// Weekday names, lower case.
    static let weekdays = ByteSearch.NeedleSet(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    /// Forms of `be` and `do`: a sentence with one has a finite verb.
    static let finiteVerbs = ByteSearch.NeedleSet(["is", "are", "be", "been", "being", "do", "does", "did", "can", "could"])
    /// Prepositions that place a scene.
    static let prepositions = ByteSearch.NeedleSet(["in", "at", "on"])
    /// Month names and their abbreviations, lower case.
    static let months = ByteSearch.NeedleSet([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ])
    /// Words that mark prose: attribution, perfect, past and future auxiliaries, the first person, and
    /// schedules (`take effect`, `mature`, `until`), which are dated in the future.
    static let newsWords = ByteSearch.NeedleSet([
        "said", "says", "say", "told", "according", "has", "have", "had", "was", "were", "will", "would", "i", "we",
        "our", "my", "effect", "effective", "begin", "begins", "start", "starts", "due", "expected", "scheduled",
        "deadline", "until", "mature", "matures", "expire", "expires", "payable", "valid",
    ])
    /// Lower-case words ending in `s` that are no verbs.
    static let notVerbs = ByteSearch.NeedleSet([
        "is", "as", "its", "his", "hers", "this", "us", "plus", "thus", "always", "perhaps", "towards", "news", "unless",
        "across", "various", "whereas", "famous", "serious", "previous", "numerous", "years", "days", "months", "weeks",
    ])
    /// Opening words of prose about a dated event.
    static let openers = ByteSearch.NeedleSet([
        "on", "in", "at", "by", "for", "after", "before", "during", "since", "but", "and", "when", "while", "as", "last",
        "until", "from", "if",
    ])
}

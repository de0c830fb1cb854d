/// Line patterns for media left in scraped text: video durations, image file names, captions with a
/// credit glued on, and `Image` / `Photo` labels.
enum MediaPatterns {
    /// `m:ss`, `mm:ss` or `h:mm:ss`, optionally followed by ` - Source: CREDIT`; returns seconds and credit.
    static func videoDuration(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (Int, String?)? {
        var i = start
        var fields: [Int] = []
        while fields.count < 3 {
            var value = 0
            var digits = 0
            while i < end, buffer[i] &- 0x30 < 10, digits < 2 {
                value = value * 10 + Int(buffer[i] &- 0x30)
                digits += 1
                i += 1
            }
            guard digits >= 1, fields.isEmpty || digits == 2 else { return nil }
            if !fields.isEmpty && value >= 60 { return nil }
            fields.append(value)
            guard i < end, buffer[i] == UInt8(ascii: ":") else { break }
            i += 1
        }
        guard fields.count >= 2 else { return nil }
        let seconds = fields.reduce(0) { $0 * 60 + $1 }
        if i == end { return (seconds, nil) }
        // " - Source: X" (also – — |).
        guard buffer[i] == 0x20 else { return nil }
        i += 1
        if buffer[i] == UInt8(ascii: "-") || buffer[i] == UInt8(ascii: "|") {
            i += 1
        } else if buffer[i] == 0xE2, i + 2 < end, buffer[i + 1] == 0x80, buffer[i + 2] == 0x93 || buffer[i + 2] == 0x94
        {
            i += 3
        } else {
            return nil
        }
        while i < end, buffer[i] == 0x20 { i += 1 }
        let label = Array("source:".utf8)
        guard end - i > label.count else { return nil }
        for k in 0..<label.count where buffer[i + k] | 0x20 != label[k] { return nil }
        i += label.count
        while i < end, buffer[i] == 0x20 { i += 1 }
        guard i < end else { return (seconds, nil) }
        return (seconds, String(validUTF8: UnsafeBufferPointer(rebasing: buffer[i..<end])))
    }

    private static let imageExtensions: [[UInt8]] = [".jpg", ".jpeg", ".png", ".gif", ".webp"].map { Array($0.utf8) }

    /// The image file name when the line ends with one (the last path component of a URL).
    static func imageFileName(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> String? {
        var tokenStart = end
        while tokenStart > start, buffer[tokenStart - 1] != 0x20, buffer[tokenStart - 1] != UInt8(ascii: "/") {
            tokenStart -= 1
        }
        let length = end - tokenStart
        for ext in imageExtensions where length > ext.count {
            var match = true
            for k in 0..<ext.count where buffer[end - ext.count + k] | 0x20 != ext[k] {
                match = false
                break
            }
            if match {
                return String(validUTF8: UnsafeBufferPointer(rebasing: buffer[tokenStart..<end]))
            }
        }
        return nil
    }

    private static let mediaLabels: [[UInt8]] = ["image", "photo", "photograph", "picture", "video", "gallery"].map {
        Array($0.utf8)
    }

    /// Whether the line is only a media label (`Image`, `Photo`) that pages put above a caption.
    static func isMediaLabel(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        mediaLabels.contains { $0.count == end - start && ByteSearch.hasPrefix(buffer, start, end, $0) }
    }

    /// Where the caption ends and the byte range of its credit, when a scraper glued a credit to the end
    /// of a caption:
    /// a sentence end with a capitalised word right after it and no space (`…the company.Credit...Jane
    /// Roe for The Times`, `…in Rome…Credit...Getty Images`), or a last ` via ` with one to three
    /// capitalised words (`…courtesy of the ministry, via AP`); at most ten words of credit and no final
    /// punctuation. A leading `Credit` label and its dots are left out of the range.
    static func attachedCredit(
        _ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int, words: Int
    ) -> (captionEnd: Int, credit: Range<Int>)? {
        guard words >= 5, words <= 80, end - start > 30 else { return nil }
        let last = buffer[end - 1]
        guard last &- UInt8(ascii: "a") < 26 || last &- UInt8(ascii: "A") < 26 else { return nil }
        var i = start + 20
        while i < end - 2 {
            let b = buffer[i]
            var next = -1
            if b == UInt8(ascii: "."), buffer[i - 1] &- UInt8(ascii: "a") < 26 {
                next = i + 1
            } else if b == 0xE2, buffer[i + 1] == 0x80, buffer[i + 2] == 0xA6 {
                next = i + 3
            }
            if b == UInt8(ascii: "."), next > 0, next + 8 < end, buffer[next] == 0x20, hasCreditLabel(buffer, next + 1, end) {
                // `… at left. Credit...Jane Roe/Getty Images`: a credit label after the sentence.
                next += 1
            }
            if next > 0, next < end, buffer[next] &- UInt8(ascii: "A") < 26 {
                var tailWords = 1
                for k in next..<end where buffer[k] == 0x20 { tailWords += 1 }
                if tailWords <= 10 { return (next, trimmedCredit(buffer, next, end)) }
            }
            i += 1
        }
        // `… via AP`.
        var wordStart = end
        var capitalised = 0
        while capitalised < 4, wordStart > start {
            var k = wordStart - 1
            while k > start && buffer[k - 1] != 0x20 { k -= 1 }
            // `via`, alone or glued to an ellipsis (`courtesy of…via AP`).
            let via = wordStart - 3
            if via >= k, buffer[via] == UInt8(ascii: "v"), buffer[via + 1] == UInt8(ascii: "i"), buffer[via + 2] == UInt8(ascii: "a"),
                via == k || buffer[via - 1] == 0xA6
            {
                return capitalised >= 1 && words >= 6 ? (via, via..<end) : nil
            }
            guard buffer[k] &- UInt8(ascii: "A") < 26 else { return nil }
            capitalised += 1
            wordStart = k - 1
        }
        return nil
    }

    private static let creditLabel = Array("credit".utf8)

    /// Whether `buffer[start..<end]` starts with `Credit` and a dot or colon.
    private static func hasCreditLabel(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start > creditLabel.count + 1, ByteSearch.hasPrefix(buffer, start, end, creditLabel) else { return false }
        let after = buffer[start + creditLabel.count]
        return after == UInt8(ascii: ".") || after == UInt8(ascii: ":") || after == 0xE2
    }

    /// `range` without a leading `Credit` label and the dots, colon and spaces after it.
    private static func trimmedCredit(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        guard end - start > creditLabel.count, ByteSearch.hasPrefix(buffer, start, end, creditLabel) else { return start..<end }
        var i = start + creditLabel.count
        while i < end, buffer[i] == UInt8(ascii: ".") || buffer[i] == UInt8(ascii: ":") || buffer[i] == 0x20 { i += 1 }
        if i + 2 < end, buffer[i] == 0xE2, buffer[i + 1] == 0x80, buffer[i + 2] == 0xA6 { i += 3 }
        return i < end ? i..<end : start..<end
    }

    /// A video's length at the end of a headline (`Oaks cut down (2013) 01:02`): the seconds and where
    /// the headline ends, for a line of two or more words before `m:ss`, `mm:ss` or `h:mm:ss`.
    static func trailingDuration(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (Int, Int)? {
        guard end - start >= 8, buffer[end - 3] == UInt8(ascii: ":"), buffer[end - 1] &- 0x30 < 10, buffer[end - 4] &- 0x30 < 10
        else { return nil }
        var k = end
        while k > start, buffer[k - 1] != 0x20 { k -= 1 }
        guard k > start + 1, end - k >= 4, end - k <= 8, buffer[start..<(k - 1)].contains(0x20),
            let (seconds, credit) = videoDuration(buffer, start: k, end: end), credit == nil
        else { return nil }
        return (seconds, k - 1)
    }
}

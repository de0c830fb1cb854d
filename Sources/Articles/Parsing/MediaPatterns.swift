/// Line patterns for media left in scraped text: video durations and image file names.
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
}

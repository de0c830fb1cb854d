/// Short lines that belong to the page around an article rather than to its text, recognised by their
/// shape: credits and link text (`amazon.com`, `@handle / Via instagram.com`, `dpa/picture alliance via
/// Getty Images`), embedded-post signatures (`— Jane Roe (@janeroe) October 2, 2020`: a dash, a bracketed
/// handle, a year at the end) and counters after a sign or dash (`+19 More`, `- 05:01`). Only lines
/// without final punctuation qualify (at most eight words, sixteen for signatures), so sentences that
/// mention a web site stay; host names must be lower case (`Node.js` is not one).
enum PageFurniture {
    /// What a furniture line is.
    enum Kind {
        /// A credit or link line.
        case credit
        /// The signature line of an embedded social-media post.
        case embed
        /// A counter or bare time.
        case counter
    }

    /// The kind of furniture `buffer[start..<end]` is, or `nil` for article text.
    static func kind(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int, features f: LineFeatures) -> Kind? {
        guard start < end, !f.isSentenceEnd else { return nil }
        let first = buffer[start]
        // "— Name (@handle) Date": a dash, then a handle in brackets.
        let dash =
            first == UInt8(ascii: "-")
            || (first == 0xE2 && end - start > 3 && buffer[start + 1] == 0x80
                && (buffer[start + 2] == 0x93 || buffer[start + 2] == 0x94))
        if dash,
            f.words <= 16, end - start > 4, (end - 4..<end).allSatisfy({ buffer[$0] &- UInt8(ascii: "0") < 10 }),
            ByteSearch.contains(buffer, start, end, handleOpen)
        {
            return .embed
        }
        guard f.words <= 8 else { return nil }
        if dash || first == UInt8(ascii: "+"), f.letters <= 4, f.digits > 0 { return .counter }
        var wordStart = start
        for i in start...end where i == end || buffer[i] == 0x20 {
            if isLinkToken(buffer, wordStart, i) { return .credit }
            wordStart = i + 1
        }
        if f.words <= 6, ByteSearch.contains(buffer, start, end, via) { return .credit }
        return nil
    }

    private static let handleOpen: [UInt8] = Array("(@".utf8)
    private static let via: [UInt8] = Array(" via ".utf8)

    /// `@handle`, or a lower-case host name: labels of letters, digits and hyphens, the last one 2–4
    /// letters (`cnn.com`, `bbc.co.uk`).
    private static func isLinkToken(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2 else { return false }
        if buffer[start] == UInt8(ascii: "@") { return isWordByte(buffer[start + 1]) }
        var lastDot = -1
        for i in start..<end {
            let b = buffer[i]
            if b == UInt8(ascii: ".") {
                lastDot = i
                // An empty label ("wait...what") is not a host.
                if i == start || buffer[i - 1] == UInt8(ascii: ".") { return false }
            } else if b &- UInt8(ascii: "A") < 26
                || (!isWordByte(b) && b != UInt8(ascii: "-") && b != UInt8(ascii: "/"))
            {
                return false
            }
        }
        let tld = end - lastDot - 1
        guard lastDot > start, tld >= 2, tld <= 4 else { return false }
        for i in (lastDot + 1)..<end where !(buffer[i] &- UInt8(ascii: "a") < 26) { return false }
        return true
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        b &- UInt8(ascii: "a") < 26 || b &- UInt8(ascii: "A") < 26 || b &- UInt8(ascii: "0") < 10
            || b == UInt8(ascii: "_")
    }
}

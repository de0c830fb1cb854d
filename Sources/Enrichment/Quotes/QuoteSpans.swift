/// Finds the spans between quotation marks in a body: curly `“…”` and straight `"…"` pairs, a quote
/// left open at the end of a paragraph continued by the next paragraph's opening mark (the newspaper
/// convention for quotes over several paragraphs).
enum QuoteSpans {
    /// One quotation: the byte range inside the marks, and the range including them.
    struct Span {
        var inner: Range<Int>
        var outer: Range<Int>
    }

    /// 0 if no mark at `i`; else the mark's width, positive for an opening mark, negative for a closing
    /// one, and `straight` true for `"`.
    static func mark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (width: Int, opening: Bool?, straight: Bool) {
        if b[i] == UInt8(ascii: "\"") { return (1, nil, true) }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 {
            if b[i + 2] == 0x9C { return (3, true, false) }
            if b[i + 2] == 0x9D { return (3, false, false) }
        }
        return (0, nil, false)
    }

    static func spans(_ b: UnsafeBufferPointer<UInt8>) -> [Span] {
        var spans: [Span] = []
        var open: Int?  // byte offset of the opening mark
        var openWidth = 0
        var i = 0
        let n = b.count
        while i < n {
            i = nextCandidate(b, from: i)
            guard i < n else { break }
            if b[i] == 0x0A {
                // A paragraph ends inside an open quote: it continues if the next paragraph opens with a mark.
                if let start = open {
                    var j = i
                    while j < n && (b[j] == 0x0A || b[j] == 0x20) { j += 1 }
                    if j < n, mark(b, j).width > 0, mark(b, j).opening != false {
                        i = j + mark(b, j).width
                        continue
                    }
                    var end = i
                    while end > start + openWidth && (b[end - 1] == 0x20) { end -= 1 }
                    if end > start + openWidth { spans.append(Span(inner: (start + openWidth)..<end, outer: start..<end)) }
                    open = nil
                }
                i += 1
                continue
            }
            guard b[i] == UInt8(ascii: "\"") || b[i] == 0xE2 else {
                i += 1
                continue
            }
            let (width, opening, straight) = mark(b, i)
            guard width > 0 else {
                i += 1
                continue
            }
            if let start = open, opening != true {
                if !straight || !(i + 1 < n && isWordByte(b[i + 1]) && i > 0 && isWordByte(b[i - 1])) {
                    spans.append(Span(inner: (start + openWidth)..<i, outer: start..<(i + width)))
                    open = nil
                }
            } else if opening != false {
                open = i
                openWidth = width
            }
            i += width
        }
        if let start = open, n > start + openWidth {
            spans.append(Span(inner: (start + openWidth)..<n, outer: start..<n))
        }
        return spans.map { span in
            var inner = span.inner
            while inner.lowerBound < inner.upperBound && b[inner.lowerBound] == 0x20 { inner = (inner.lowerBound + 1)..<inner.upperBound }
            while inner.upperBound > inner.lowerBound && (b[inner.upperBound - 1] == 0x20 || b[inner.upperBound - 1] == 0x0A) {
                inner = inner.lowerBound..<(inner.upperBound - 1)
            }
            return Span(inner: inner, outer: span.outer)
        }.filter { !$0.inner.isEmpty }
    }

    /// The first offset at or after `i` holding `"`, a line feed or 0xE2 (the lead byte of curly
    /// quotes), or `b.count`; skips eight bytes at a time where none of them is one.
    @inline(__always)
    static func nextCandidate(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & highs != 0
        }
        var i = start
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= b.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if hasByte(word, 0x22) || hasByte(word, 0x0A) || hasByte(word, 0xE2) { break }
                i += 8
            }
        }
        while i < b.count && b[i] != 0x22 && b[i] != 0x0A && b[i] != 0xE2 { i += 1 }
        return i
    }

    static func isWordByte(_ c: UInt8) -> Bool { c >= 0x80 || (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 }
}

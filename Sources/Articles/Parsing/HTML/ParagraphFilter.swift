/// Line-level clean-up of extracted page text, after the DOM has been pruned.
///
/// Drops lines with no letters (pagination like `<< 1 2 >>`), lines repeated three times or more (gallery
/// captions), short interface lines (share, subscribe, "Advertisement", "Read more"), short all-capitals
/// labels (`HIDE CAPTION`), a line equal to the title near the top, and date-or-time stamps among the
/// first and last two lines (`October 6, 2018`, `Today, 17:40`).
enum ParagraphFilter {
    static func keep(_ lines: LineDocument, title: String?) -> [Bool] {
        var keep = Array(repeating: true, count: lines.count)
        let titleBytes = title.map { Array($0.utf8) }
        var counts: [ArraySlice<UInt8>: Int] = [:]
        for line in lines.lines where line.byteCount < 200 {
            counts[lines.bytes[line.start..<line.end], default: 0] += 1
        }
        lines.bytes.withUnsafeBufferPointer { buffer in
            for (n, line) in lines.lines.enumerated() {
                let bytes = lines.bytes[line.start..<line.end]
                let f = LineFeatures(buffer, start: line.start, end: line.end, spaces: line.spaces)
                if f.letters == 0 && line.byteCount <= 160 {
                    keep[n] = false
                } else if line.byteCount < 200, counts[bytes, default: 0] >= 3 {
                    keep[n] = false
                } else if n < 3, let titleBytes, bytes.elementsEqual(titleBytes) {
                    keep[n] = false
                } else if f.words <= 10, Boilerplate.isInterfaceText(buffer, line.start, line.end) {
                    keep[n] = false
                } else if f.words <= 3, f.letters >= 4, f.upperLetters == f.letters, !f.isSentenceEnd {
                    keep[n] = false
                } else if n < 2 || n >= lines.count - 2, f.words <= 8, f.digits >= 2,
                    f.digits * 2 >= f.letters, !f.isSentenceEnd
                {
                    keep[n] = false
                }
            }
        }
        // Never empty the body by filtering.
        if !keep.contains(true) { return Array(repeating: true, count: lines.count) }
        return keep
    }
}

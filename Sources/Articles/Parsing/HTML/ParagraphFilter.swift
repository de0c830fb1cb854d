/// Line-level clean-up of extracted page text, after the DOM has been pruned.
///
/// Drops lines with no letters (pagination like `<< 1 2 >>`), video teaser lines (`02:12 - Source: CNN`),
/// lines repeated three times or more (gallery
/// captions), short interface lines (share, subscribe, "Advertisement", "Read more"), short all-capitals
/// labels (`HIDE CAPTION`), a line equal to the title near the top, and date-or-time stamps among the
/// first and last two lines (`October 6, 2018`, `Today, 17:40`).
enum ParagraphFilter {
    /// Why each line goes (a ``RemovedBlock/kind``), or `nil` for a line that stays.
    static func removals(_ lines: LineDocument, title: String?) -> [String?] {
        var removal = [String?](repeating: nil, count: lines.count)
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
                    removal[n] = "navigation"
                } else if f.words <= 8, MediaPatterns.videoDuration(buffer, start: line.start, end: line.end) != nil {
                    removal[n] = "video"
                } else if line.byteCount < 200, counts[bytes, default: 0] >= 3 {
                    removal[n] = "duplicate"
                } else if n < 3, let titleBytes, bytes.elementsEqual(titleBytes) {
                    removal[n] = "title"
                } else if f.words <= 10, Boilerplate.isInterfaceText(buffer, line.start, line.end) {
                    removal[n] = "navigation"
                } else if f.words <= 3, f.letters >= 4, f.upperLetters == f.letters, !f.isSentenceEnd {
                    removal[n] = "header"
                } else if n < 2 || n >= lines.count - 2, f.words <= 8, f.digits >= 2,
                    f.digits * 2 >= f.letters, !f.isSentenceEnd
                {
                    removal[n] = "timestamp"
                }
            }
        }
        // Never empty the body by filtering.
        if !removal.contains(nil) { return [String?](repeating: nil, count: lines.count) }
        return removal
    }
}

/// The line-role assignment behind ``RawTextParser``.
struct RawTextAnalysis {
    enum Role: UInt8 {
        case unassigned, body, title, highlightsMarker, highlight, dateline, video, videoTitle, image
        case caption, duplicate, credit, teaser, navigation, readMore, contributors, byline, header, embed
        case promo, disclosure, editorNote

        /// The ``RemovedBlock/kind`` for roles recorded as removed blocks.
        var removedKind: String? {
            switch self {
            case .highlightsMarker: return "highlights_marker"
            case .video, .videoTitle: return "video"
            case .image: return "filename"
            case .caption: return "caption"
            case .duplicate: return "duplicate"
            case .credit: return "credit"
            case .teaser: return "teaser"
            case .navigation: return "navigation"
            case .readMore: return "read_more"
            case .contributors: return "contributors"
            case .byline: return "byline"
            case .header: return "header"
            case .title: return "title"
            case .embed: return "embed"
            case .promo: return "promo"
            case .disclosure: return "disclosure"
            case .editorNote: return "editor_note"
            case .unassigned, .body, .highlight, .dateline: return nil
            }
        }
    }

    let document: LineDocument
    let envelopeTitle: String?
    var roles: [Role]
    var features: [LineFeatures]
    var title: String?
    /// The line the title was taken from.
    var titleLine: Int?
    var highlights: [String] = []
    var dateline: Dateline?
    /// Line index and byte offset where body text starts after an inline dateline.
    var datelineCut: (line: Int, offset: Int)?
    var authors: [String] = []
    var contributors: [String] = []
    /// The publication time from a `PUBLISHED:` / `Updated` line (ISO 8601).
    var publishedAt: String?
    var media: [(line: Int, item: MediaItem)] = []
    /// Whether paragraphs are separated by blank lines (otherwise every line is a paragraph).
    var usesBlankLines = false
    /// Whether paragraphs start with an indent (one line in eight or more is indented), as in newswire copy.
    var indentsParagraphs = false
    /// The line width of fixed-width text hard-wrapped at under 100 bytes (newswire), else `nil`;
    /// there lines are re-joined into paragraphs by ``continuesParagraph(_:)``.
    var wrapWidth: Int?

    init(document: LineDocument, envelopeTitle: String?) {
        self.document = document
        self.envelopeTitle = envelopeTitle
        roles = Array(repeating: .unassigned, count: document.count)
        features = document.bytes.withUnsafeBufferPointer { buffer in
            document.lines.map { LineFeatures(buffer, start: $0.start, end: $0.end, spaces: $0.spaces) }
        }
        let blanks = document.lines.reduce(0) { $0 + ($1.blankBefore ? 1 : 0) }
        usesBlankLines = blanks * 4 >= document.count
        indentsParagraphs = document.lines.reduce(0) { $0 + ($1.indented ? 1 : 0) } * 8 >= document.count
        wrapWidth = Self.wrapWidth(document)
    }

    /// The wrap width when at least 2 lines and a third of all lines are within 75 % of the longest line,
    /// which is under 100 bytes (a two-sentence brief is as wrapped as a long story).
    static func wrapWidth(_ document: LineDocument) -> Int? {
        guard document.count >= 3 else { return nil }
        let width = document.lines.reduce(0) { max($0, $1.byteCount) }
        guard width >= 40, width < 100 else { return nil }
        let full = document.lines.reduce(0) { $0 + ($1.byteCount * 4 >= width * 3 ? 1 : 0) }
        return full >= 2 && full * 3 >= document.count ? width : nil
    }

    /// In wrapped text, whether line `i` continues the paragraph of line `i - 1`.
    ///
    /// It does when it starts in lower case, or when the line before stops mid-sentence (on a word, a
    /// number, a quote, a `<Company>` tag or a comma) and either it or (for a short opening line) this line is near the
    /// wrap width; never
    /// after a blank line, at an indent, after a sentence end, at a bullet, after a headline or at a
    /// dateline (so lists, tables and headlines stay apart).
    func continuesParagraph(_ i: Int) -> Bool {
        guard let wrapWidth, i > 0 else { return false }
        let line = document.lines[i]
        if line.blankBefore || line.indented || features[i - 1].isSentenceEnd { return false }
        if features[i].startsLower { return true }
        let previous = document.lines[i - 1]
        let first = document.bytes[line.start]
        let last = document.bytes[previous.end - 1]
        let endsMidSentence =
            (last | 0x20) &- UInt8(ascii: "a") < 26 || last &- UInt8(ascii: "0") < 10 || last == UInt8(ascii: ",")
            || features[i - 1].terminal == 0
                && (last == UInt8(ascii: "'") || last == UInt8(ascii: "\"") || last == UInt8(ascii: ">") || last == 0x99 || last == 0x9D)
        // `- item`, `* item`, `• item`; not `-- the first time` (a dash in a sentence).
        let bullet =
            (first == UInt8(ascii: "-") || first == UInt8(ascii: "*")) && line.byteCount > 1 && document.bytes[line.start + 1] == 0x20
            || first == 0xE2 && line.byteCount > 2 && document.bytes[line.start + 1] == 0x80 && document.bytes[line.start + 2] == 0xA2
        guard endsMidSentence && !bullet else { return false }
        if previous.byteCount * 4 >= wrapWidth * 3 { return true }
        // A short opening line (newswire whose dateline was cut from the first line) before a full one;
        // not a headline, which has no lower-case letters, and not before a dateline.
        let hasLowerCase = document.bytes[previous.start..<previous.end].contains {
            $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")
        }
        return line.byteCount * 4 >= wrapWidth * 3 && hasLowerCase && datelineMatch(i) == nil
    }

    /// Whether line `i` is part of a paragraph hard-wrapped over several lines.
    func isWrappedProse(_ i: Int) -> Bool {
        wrapWidth != nil && (continuesParagraph(i) || i + 1 < count && continuesParagraph(i + 1))
    }

    var count: Int { document.count }

    func text(_ i: Int) -> String { document.string(i) }

    func adjacent(_ i: Int) -> Bool { i > 0 && !document.lines[i].blankBefore }

    /// Short, no final punctuation, capitalised: a headline.
    func isHeadlineLike(_ i: Int, maxWords: Int = 20) -> Bool {
        let f = features[i]
        guard f.words >= 1, f.words <= maxWords, document.lines[i].byteCount <= 160, f.letters > 0 else { return false }
        switch f.terminal {
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","): return false
        default: break
        }
        return f.startsUpper
    }

    mutating func run() {
        findRepeatedCaptions()
        findMedia()
        let marker = findHighlightsMarker()
        var bodyStart: Int
        if let marker {
            roles[marker] = .highlightsMarker
            bodyStart = collectHighlights(after: marker)
            classifyHeader(0..<marker, highlightsLayout: true)
        } else {
            bodyStart = findBodyStart()
            classifyHeader(0..<bodyStart, highlightsLayout: false)
            preferTitleWithoutSectionLabel()
            captionAboveDatelineLine(bodyStart)
            bodyStart = skipCaptionsBeforeDateline(bodyStart)
        }
        while bodyStart < count, roles[bodyStart] != .unassigned { bodyStart += 1 }
        if bodyStart < count { findDateline(at: bodyStart) }
        // Header lines nothing claimed (an intro sentence above the first paragraph) are classified like
        // body lines, so no line is dropped without a record.
        let firstBody = roles[..<bodyStart].firstIndex(of: .unassigned) ?? bodyStart
        classifyBody(from: firstBody, bodyStart: bodyStart)
        findStandfirst(from: firstBody)
        findContributors()
        keepSubheadings()
        dropUnrelatedTitle()
    }

    /// A title that shares no word with the body or the highlights is some other story's headline (a
    /// related video's), a section label or a prompt: the article has no title then. Not in newswire
    /// (indented paragraphs, or an all-capitals headline), where a results table under its headline
    /// shares no word with it.
    mutating func dropUnrelatedTitle() {
        guard let line = titleLine, !indentsParagraphs, features[line].upperLetters * 2 < features[line].letters,
            contentWords(line) >= 2, roles.contains(.body)
        else { return }
        for j in 0..<count where (roles[j] == .body || roles[j] == .highlight) && sharesWord(line, j) { return }
        roles[line] = .header
        title = nil
        titleLine = nil
    }

    /// How many words of four or more letters, not function words, line `i` has.
    func contentWords(_ i: Int) -> Int {
        document.bytes.withUnsafeBufferPointer { buffer in
            let line = document.lines[i]
            var count = 0
            var start = line.start
            for k in line.start...line.end where k == line.end || !Self.isLetter(buffer[k]) {
                if k - start >= 4, !ByteSearch.containsAny(buffer, start, k, Self.functionWords) { count += 1 }
                start = k + 1
            }
            return count
        }
    }

    /// Summary sentences above the byline or time stamp (a standfirst: `Title` / `One-sentence summary.`
    /// / `By Jane Roe` / `Updated 10:59 PM ET`) are the article's highlights when it has no highlights
    /// block.
    mutating func findStandfirst(from start: Int) {
        guard highlights.isEmpty, !indentsParagraphs else { return }
        var end = start
        while end < min(count, start + 4),
            roles[end] != .byline && !(roles[end] == .header && Timestamps.publicationTime(text(end)) != nil)
        {
            end += 1
        }
        guard end < min(count, start + 4), end > start else { return }
        guard (start..<end).allSatisfy({ roles[$0] != .body || features[$0].isSentenceEnd && features[$0].words <= 60 })
        else { return }
        for k in start..<end where roles[k] == .body {
            roles[k] = .highlight
            highlights.append(text(k))
        }
    }

    /// A short line taken for a teaser that sits between two body paragraphs and shares a word with the
    /// paragraph after it (`Disappearances and killings`, `3. Sparkle Filter`) is a subheading: body.
    mutating func keepSubheadings() {
        for i in 1..<max(1, count - 1)
        where roles[i] == .teaser && features[i].words <= 6 && (roles[i - 1] == .body || roles[i - 1] == .caption) && roles[i + 1] == .body
            && features[i + 1].words >= 15 && !looksLikeCredit(i) && sharesWord(i, i + 1)
        {
            roles[i] = .body
        }
    }

    /// Whether line `i` has the marks of a credit, label or headline rather than a subheading: a slash
    /// or bar (`Jane Roe/CNET`), or the colon or comma of a news headline (`U.N.: 40,000 fleeing
    /// Aleppo`, `Image: Acme`).
    func looksLikeCredit(_ i: Int) -> Bool {
        let line = document.lines[i]
        return document.bytes[line.start..<line.end].contains {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",")
        }
    }

    /// Whether a word of four or more letters of line `a` (not a function word) appears in line `b`,
    /// ignoring ASCII case.
    func sharesWord(_ a: Int, _ b: Int) -> Bool {
        document.bytes.withUnsafeBufferPointer { buffer in
            let lineA = document.lines[a]
            let lineB = document.lines[b]
            var start = lineA.start
            for i in lineA.start...lineA.end where i == lineA.end || !Self.isLetter(buffer[i]) {
                defer { start = i + 1 }
                let length = i - start
                guard length >= 4, !ByteSearch.containsAny(buffer, start, i, Self.functionWords) else { continue }
                let first = ByteSearch.lower(buffer[start])
                var k = lineB.start
                while k + length <= lineB.end {
                    if ByteSearch.lower(buffer[k]) == first, k == lineB.start || !Self.isLetter(buffer[k - 1]),
                        k + length == lineB.end || !Self.isLetter(buffer[k + length])
                    {
                        var m = 1
                        while m < length, ByteSearch.lower(buffer[k + m]) == ByteSearch.lower(buffer[start + m]) { m += 1 }
                        if m == length { return true }
                    }
                    k += 1
                }
            }
            return false
        }
    }

    static func isLetter(_ b: UInt8) -> Bool { b &- UInt8(ascii: "a") < 26 || b &- UInt8(ascii: "A") < 26 || b >= 0x80 }

    static let functionWords = ByteSearch.NeedleSet([
        "with", "that", "this", "from", "have", "will", "more", "than", "what", "when", "your", "they", "their",
        "there", "about", "after", "into", "over", "were", "been", "which", "would",
    ])

    // MARK: Media

    mutating func findMedia() {
        document.bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<count where roles[i] == .unassigned {
                let line = document.lines[i]
                if let credit = MediaPatterns.attachedCredit(buffer, start: line.start, end: line.end, words: features[i].words) {
                    // A caption whose credit the scraper glued on (`…the company.Credit...Jane Roe for The Times`).
                    roles[i] = .caption
                    let text = Self.trimmed(document.string(line.start, credit.captionEnd))
                    let creditText = document.string(credit.credit.lowerBound, credit.credit.upperBound)
                    media.append((i, MediaItem(kind: .caption, text: text, credit: creditText)))
                } else if MediaPatterns.isMediaLabel(buffer, start: line.start, end: line.end), i + 1 < count,
                    features[i + 1].words >= 4, features[i + 1].words <= 40
                {
                    // `Image` / `Photo` on its own line, then the picture's caption (its credit split off
                    // if glued on).
                    roles[i] = .image
                    roles[i + 1] = .caption
                    let next = document.lines[i + 1]
                    if let credit = MediaPatterns.attachedCredit(buffer, start: next.start, end: next.end, words: features[i + 1].words) {
                        let text = Self.trimmed(document.string(next.start, credit.captionEnd))
                        let creditText = document.string(credit.credit.lowerBound, credit.credit.upperBound)
                        media.append((i + 1, MediaItem(kind: .caption, text: text, credit: creditText)))
                    } else {
                        media.append((i + 1, MediaItem(kind: .caption, text: text(i + 1))))
                    }
                } else if let (seconds, titleEnd) = MediaPatterns.trailingDuration(buffer, start: line.start, end: line.end) {
                    // A video's headline with its length after it (`Oaks cut down (2013) 01:02`).
                    roles[i] = .video
                    media.append((i, MediaItem(kind: .video, text: document.string(line.start, titleEnd), durationSeconds: seconds)))
                } else if let (seconds, credit) = MediaPatterns.videoDuration(buffer, start: line.start, end: line.end) {
                    roles[i] = .video
                    var titleLine: Int?
                    let before = i > 0 && adjacent(i) && roles[i - 1] == .unassigned && isHeadlineLike(i - 1)
                    let after = i + 1 < count && adjacent(i + 1) && isHeadlineLike(i + 1)
                    if credit != nil && before {
                        titleLine = i - 1
                    } else if after {
                        titleLine = i + 1
                    } else if before {
                        titleLine = i - 1
                    }
                    if let t = titleLine { roles[t] = .videoTitle }
                    let item = MediaItem(
                        kind: .video,
                        text: titleLine.map { text($0) } ?? "",
                        durationSeconds: seconds,
                        credit: credit
                    )
                    media.append((titleLine.map { min($0, i) } ?? i, item))
                } else if let name = MediaPatterns.imageFileName(buffer, start: line.start, end: line.end) {
                    roles[i] = .image
                    let slugEnd = max(line.start, line.end - name.utf8.count - 1)
                    let slug = slugEnd > line.start ? document.string(line.start, slugEnd) : ""
                    media.append((i, MediaItem(kind: .image, text: slug, fileName: name)))
                }
            }
        }
    }

    // MARK: Header and highlights

    func findHighlightsMarker() -> Int? {
        document.bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<min(count, 40)
            where roles[i] == .unassigned && features[i].words <= 3 && features[i].terminal == 0 {
                let line = document.lines[i]
                if ByteSearch.hasSuffix(buffer, line.start, line.end, Self.highlightsWord) { return i }
            }
            return nil
        }
    }

    mutating func collectHighlights(after marker: Int) -> Int {
        var j = marker + 1
        while j < count, highlights.count < 10 {
            if roles[j] != .unassigned {
                j += 1
                continue
            }
            if features[j].words > 40 || datelineMatch(j) != nil { break }
            if !highlights.isEmpty && features[j].words > 25 && features[j].isSentenceEnd { break }
            roles[j] = .highlight
            highlights.append(text(j))
            j += 1
        }
        return j
    }

    /// Without a highlights marker: the first line that opens with a dateline or reads like a paragraph.
    func findBodyStart() -> Int {
        // Wrapped newswire: a headline set apart by a blank line, or in capitals, is the title, whatever
        // follows (a results table).
        if wrapWidth != nil, headlineSetApart(orInCapitals: true), datelineMatch(0) == nil { return 1 }
        for i in 0..<min(count, 25) where roles[i] == .unassigned {
            if datelineMatch(i) != nil { return i }
            let f = features[i]
            if f.isSentenceEnd && f.words >= 12 { return i }
            if i + 1 < count && continuesParagraph(i + 1) && !continuesParagraph(i) && f.words >= 3 { return i }
        }
        // No paragraph (a results table, a one-line brief): a headline set apart by a blank line is still the title.
        return headlineSetApart(orInCapitals: false) ? 1 : 0
    }

    /// Whether the first line is a headline of two words or more with a blank line after it (or, with
    /// `orInCapitals`, written in capitals).
    func headlineSetApart(orInCapitals: Bool) -> Bool {
        count > 1 && roles[0] == .unassigned
            && (document.lines[1].blankBefore || orInCapitals && features[0].upperLetters == features[0].letters)
            && isHeadlineLike(0) && features[0].words >= 2
    }

    mutating func classifyHeader(_ range: Range<Int>, highlightsLayout: Bool) {
        for i in range where roles[i] == .unassigned {
            if isNavigation(i) {
                roles[i] = .navigation
            } else if startsLikeByline(i), let names = Bylines.authors(text(i), features: features[i]) {
                roles[i] = .byline
                authors.append(contentsOf: names)
            } else if isTimestamp(i) {
                roles[i] = .header
                if publishedAt == nil { publishedAt = Timestamps.publicationTime(text(i)) }
            } else if let envelopeTitle, sameText(text(i), envelopeTitle) {
                roles[i] = .title
            } else if title == nil && envelopeTitle == nil && isHeadlineLike(i) && features[i].words >= 2
                && (!hasInterfaceText(i) || isLongHeadlineWithColon(i)) && !isImageCredit(i)
            {
                roles[i] = .title
                title = text(i)
                titleLine = i
            } else if highlightsLayout && features[i].isSentenceEnd && features[i].words >= 4 {
                roles[i] = .caption
                media.append((i, MediaItem(kind: .caption, text: text(i))))
            } else if isHeadlineLike(i) || features[i].words <= 2 {
                roles[i] = .header
            } else if highlightsLayout {
                roles[i] = .header
            }
        }
    }

    /// Whether line `i` has eight words or more and a colon: a headline (`… reveal: How to watch live`)
    /// even when it names interface actions.
    func isLongHeadlineWithColon(_ i: Int) -> Bool {
        let line = document.lines[i]
        return features[i].words >= 8 && document.bytes[line.start..<line.end].contains(UInt8(ascii: ":"))
    }

    /// Whether line `i` credits an image (`Photo Collage by Jane Roe / The Verge`, `Illustration: …`): a
    /// slash or colon after a picture word.
    func isImageCredit(_ i: Int) -> Bool {
        let line = document.lines[i]
        return document.bytes.withUnsafeBufferPointer { buffer in
            ByteSearch.containsAny(buffer, line.start, min(line.end, line.start + 24), Self.pictureWords)
                && buffer[line.start..<line.end].contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }
        }
    }

    static let pictureWords = ByteSearch.NeedleSet(["photo", "image", "illustration", "collage", "graphic"])

    /// A title written after a section label and a bar (`Style |James Murdoch, Rebellious Scion`) that is
    /// also on a line of its own below: that line is the title.
    mutating func preferTitleWithoutSectionLabel() {
        guard let line = titleLine, let title, let bar = title.lastIndex(of: "|") else { return }
        let bare = title[title.index(after: bar)...].trimmingSpaces()
        guard !bare.isEmpty else { return }
        for j in (line + 1)..<min(count, line + 4) where roles[j] == .header && text(j) == bare {
            roles[line] = .header
            roles[j] = .title
            self.title = bare
            titleLine = j
            return
        }
    }

    /// Whether line `i` starts with `by ` in any case: checked on the bytes before ``Bylines`` reads the
    /// line's text.
    func startsLikeByline(_ i: Int) -> Bool {
        let line = document.lines[i]
        guard line.byteCount > 3 else { return false }
        let bytes = document.bytes
        return bytes[line.start] | 0x20 == UInt8(ascii: "b") && bytes[line.start + 1] | 0x20 == UInt8(ascii: "y")
            && bytes[line.start + 2] == 0x20
    }

    func sameText(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count
            ? a == b : a.lowercased().split(separator: " ") == b.lowercased().split(separator: " ")
    }

    /// A date or time line (`Sep 3, 2020`, `Updated 10:59 PM ET, Thu October 1, 2020`).
    func isTimestamp(_ i: Int) -> Bool {
        let f = features[i]
        guard f.words <= 16, f.digits >= 2, f.digits * 3 >= f.letters / 2 || f.words <= 4 else { return false }
        let line = document.lines[i]
        return document.bytes.withUnsafeBufferPointer {
            // Past ten words only a "PUBLISHED: … | UPDATED: …" line.
            guard f.words <= 10 || ByteSearch.containsAny($0, line.start, line.end, Self.stampWords) else {
                return false
            }
            return ByteSearch.containsAny($0, line.start, line.end, Self.timeWords, atWordStart: true)
        }
    }

    static let highlightsWord: [UInt8] = Array("highlights".utf8)
    static let stampWords = ByteSearch.NeedleSet(["published", "updated"])
    static let timeWords = ByteSearch.NeedleSet([
        "jan", "feb", "mar", "apr", "may ", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "updated", "published", " gmt", " et",
    ])

    /// Whether line `i` mentions interface actions (subscribe, notifications, sign in…) at any length:
    /// a prompt such as `Turn on desktop notifications for breaking stories?` is never the title.
    func hasInterfaceText(_ i: Int) -> Bool {
        let line = document.lines[i]
        return document.bytes.withUnsafeBufferPointer { Boilerplate.isInterfaceText($0, line.start, line.end) }
    }

    /// Share, subscribe, notification, "Read More" and similar interface lines.
    func isNavigation(_ i: Int) -> Bool {
        let f = features[i]
        // A full sentence of eight words or more is text, even when it mentions logging in or a newsletter,
        // and so is a headline of eight words or more with a colon (`… reveal: How to watch live`).
        guard f.words <= 14, !(f.isSentenceEnd && f.words >= 8) else { return false }
        let line = document.lines[i]
        if isLongHeadlineWithColon(i) { return false }
        return document.bytes.withUnsafeBufferPointer { Boilerplate.isInterfaceText($0, line.start, line.end) }
    }

    /// Photo or video captions between the header and a dateline one or two lines below the first
    /// paragraph-like line (`Six people are in stable condition …`, then `(CNN) …`): the article starts
    /// at the dateline, and the lines before it are captions.
    /// A sentence left in the header just above a dateline on its own line (`Six people are in stable
    /// condition after the shooting.`, then `(CNN)`) is the lead photo's caption.
    mutating func captionAboveDatelineLine(_ start: Int) {
        guard start > 0, start < count, roles[start - 1] == .unassigned, features[start - 1].isSentenceEnd,
            features[start - 1].words <= 35, let (_, cut) = datelineMatch(start), cut >= document.lines[start].end
        else { return }
        roles[start - 1] = .caption
        media.append((start - 1, MediaItem(kind: .caption, text: text(start - 1))))
    }

    mutating func skipCaptionsBeforeDateline(_ start: Int) -> Int {
        guard start < count, roles[start] == .unassigned, datelineMatch(start) == nil else { return start }
        for j in (start + 1)..<min(count, start + 3) where roles[j] == .unassigned && datelineMatch(j) != nil {
            guard (start..<j).allSatisfy({ roles[$0] != .unassigned || features[$0].words <= 35 }) else { return start }
            for k in start..<j where roles[k] == .unassigned {
                roles[k] = .caption
                media.append((k, MediaItem(kind: .caption, text: text(k))))
            }
            return j
        }
        return start
    }

    // MARK: Dateline

    func datelineMatch(_ i: Int) -> (Dateline, Int)? {
        let line = document.lines[i]
        // In wrapped text a dateline opens a paragraph: not after a full line that stops mid-sentence.
        if let wrapWidth, i > 0, !line.blankBefore, !line.indented, !features[i - 1].isSentenceEnd,
            document.lines[i - 1].byteCount * 4 >= wrapWidth * 3
        {
            return nil
        }
        return document.bytes.withUnsafeBufferPointer { buffer in
            Datelines.match(buffer, start: line.start, end: line.end).map { ($0.dateline, $0.bodyStart) }
        }
    }

    mutating func findDateline(at i: Int) {
        guard let (found, cut) = datelineMatch(i) else { return }
        dateline = found
        if cut >= document.lines[i].end {
            roles[i] = .dateline
        } else {
            datelineCut = (i, cut)
        }
    }

    // MARK: Body

    /// A caption shown twice in a row (the second time with its credit appended), and the short credit
    /// line before it.
    mutating func findRepeatedCaptions() {
        var i = 0
        while i + 1 < count {
            if roles[i] == .unassigned && roles[i + 1] == .unassigned && adjacent(i + 1)
                && document.lines[i].byteCount >= 20 && document.hasPrefix(i + 1, i)
            {
                roles[i] = .caption
                roles[i + 1] = .duplicate
                var credit: String?
                let extra = document.lines[i + 1].byteCount - document.lines[i].byteCount
                if extra > 0 {
                    credit = Self.trimmed(document.string(document.lines[i + 1].end - extra, document.lines[i + 1].end))
                }
                if i > 0, roles[i - 1] == .unassigned, adjacent(i), isHeadlineLike(i - 1, maxWords: 8) {
                    roles[i - 1] = .credit
                    if credit == nil || credit?.isEmpty == true { credit = text(i - 1) }
                }
                if credit?.isEmpty == true { credit = nil }
                media.append((i, MediaItem(kind: .caption, text: text(i), credit: credit)))
                i += 2
                continue
            }
            i += 1
        }
    }

    /// Classifies the unassigned lines from `start` on; bylines and stamps are looked for in the first
    /// three lines from `bodyStart`. A later exact copy of a body line (12 bytes or more) is a duplicate.
    mutating func classifyBody(from start: Int, bodyStart: Int) {
        guard start < count else { return }
        // FNV-1a of a body line → its index + 1 (0: empty), open addressing over twice the line count.
        var slots = 16
        while slots < (count - start) * 2 { slots *= 2 }
        var seenKeys = [UInt64](repeating: 0, count: slots)
        var seenLines = [Int](repeating: 0, count: slots)
        // Newswire that indents its paragraphs: tables and cut sentences are body, not teasers.
        let tableRows = indentsParagraphs ? findTableRows(from: start) : [Bool](repeating: false, count: count - start)
        for i in start..<count where roles[i] == .unassigned {
            let f = features[i]
            if isWrappedProse(i) {
                // Part of a hard-wrapped paragraph: a line is a fragment of its sentences, not a block.
                roles[i] = .body
            } else if isNavigation(i) {
                let line = document.lines[i]
                let readMore = document.bytes.withUnsafeBufferPointer {
                    Boilerplate.isReadMore($0, line.start, line.end)
                }
                roles[i] = readMore ? .readMore : .navigation
            } else if i < bodyStart + 3, startsLikeByline(i), let names = Bylines.authors(text(i), features: f) {
                roles[i] = .byline
                authors.append(contentsOf: names)
            } else if i < bodyStart + 3, isTimestamp(i), let time = Timestamps.publicationTime(text(i)) {
                roles[i] = .header
                if publishedAt == nil { publishedAt = time }
            } else if let kind = furniture(i) {
                roles[i] = kind
            } else if let note = publisherNote(i, edge: i < bodyStart + 4 || i >= count - 4) {
                roles[i] = note
            } else if wrapWidth == nil, !indentsParagraphs, isDatedScene(i) {
                roles[i] = .caption
                media.append((i, MediaItem(kind: .caption, text: text(i))))
            } else if i > start, roles[i - 1] == .body, repeatsQuotation(of: i - 1, in: i) {
                roles[i] = .embed
            } else if f.words <= 6, isPictographBanner(i) {
                roles[i] = .editorNote
            } else if f.words <= 12, startsWithMusicNote(i) {
                roles[i] = .embed
            } else if !indentsParagraphs, isStoryLink(i) {
                roles[i] = .teaser
            } else if f.terminal == 0 && isHeadlineLike(i, maxWords: 16) && isStandalone(i) && !tableRows[i - start]
                && !(indentsParagraphs && endsMidPhrase(i))
            {
                roles[i] = f.words >= 2 ? .teaser : .navigation
            } else {
                var repeated = false
                if document.lines[i].byteCount >= 12 {
                    let key = lineHash(i)
                    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (slots - 1)
                    while seenLines[slot] != 0 && seenKeys[slot] != key { slot = (slot + 1) & (slots - 1) }
                    if seenLines[slot] != 0, document.equal(seenLines[slot] - 1, i) {
                        repeated = true
                    } else {
                        seenKeys[slot] = key
                        seenLines[slot] = i + 1
                    }
                }
                roles[i] = repeated ? .duplicate : .body
            }
        }
    }

    /// Which lines from `start` on are rows of a table or list: runs of three or more adjacent short lines
    /// (no blank line between, none ending a sentence), at least half of them with digits
    /// (`Shr 63 cts vs 45 cts` / `Net 3,623,067 vs 2,607,977` / `Year`). They are body text, not teasers.
    func findTableRows(from start: Int) -> [Bool] {
        var rows = [Bool](repeating: false, count: count - start)
        var i = start
        while i < count {
            var j = i
            var withDigits = 0
            while j < count, j == i || adjacent(j), features[j].words <= 16, !features[j].isSentenceEnd,
                !isWrappedProse(j)
            {
                if features[j].digits > 0 { withDigits += 1 }
                j += 1
            }
            if j - i >= 3 && withDigits * 2 >= j - i {
                for k in i..<j { rows[k - start] = true }
            }
            i = max(j, i + 1)
        }
        return rows
    }

    /// Whether line `i` stops on a word that cannot end a headline (`of`, `the`, `and`, `vs`…): a
    /// sentence cut by the line's end, not a teaser.
    func endsMidPhrase(_ i: Int) -> Bool {
        let line = document.lines[i]
        var k = line.end
        while k > line.start && document.bytes[k - 1] != 0x20 { k -= 1 }
        guard line.end - k <= 4, k > line.start else { return false }
        return Self.openEndings.contains(document.bytes[k..<line.end].map { $0 | 0x20 })
    }

    static let openEndings: Set<[UInt8]> = Set(
        ["of", "the", "a", "an", "and", "or", "to", "in", "for", "vs", "with", "by", "at", "on", "from", "that"].map {
            Array($0.utf8)
        })

    /// FNV-1a over the bytes of line `i`, eight bytes a step (a key for finding repeated lines, which are
    /// then compared byte for byte).
    func lineHash(_ i: Int) -> UInt64 {
        let line = document.lines[i]
        return document.bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var k = line.start
            while k + 8 <= line.end {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0x100_0000_01b3
                hash ^= hash >> 29
                k += 8
            }
            while k < line.end {
                hash = (hash ^ UInt64(raw[k])) &* 0x100_0000_01b3
                k += 1
            }
            return hash
        }
    }

    /// Whether line `i`, unquoted, holds a quotation of line `p` of four words or more: the embedded post
    /// (a tweet, a statement) that the paragraph before quotes (`"Several boats did sink," the sheriff's
    /// office tweeted.`, then the tweet).
    func repeatsQuotation(of p: Int, in i: Int) -> Bool {
        let quoted = document.lines[p]
        let line = document.lines[i]
        return document.bytes.withUnsafeBufferPointer { buffer in
            // A post is short; most lines fail here, or on quoting something themselves.
            guard line.byteCount <= 400, ByteSearch.nextQuote(buffer, line.start, line.end) == nil,
                ByteSearch.nextQuote(buffer, quoted.start, quoted.end) != nil
            else { return false }
            var k = quoted.start
            while let (open, width) = ByteSearch.nextQuote(buffer, k, quoted.end),
                let (close, closeWidth) = ByteSearch.nextQuote(buffer, open + width, quoted.end)
            {
                // The quotation without its closing comma or full stop.
                let start = open + width
                var end = close
                while end > start, buffer[end - 1] == UInt8(ascii: ",") || buffer[end - 1] == UInt8(ascii: ".") { end -= 1 }
                let words = buffer[start..<end].reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) }
                if words >= 4, ByteSearch.occurs(buffer, start..<end, in: line.start..<line.end) { return true }
                k = close + closeWidth
            }
            return false
        }
    }


    /// Whether line `i` starts and ends with a pictograph (`🚨 Spoilers ahead! 🚨`): a banner, not text.
    func isPictographBanner(_ i: Int) -> Bool {
        let line = document.lines[i]
        let bytes = document.bytes
        // The line's end without an emoji variation selector (U+FE0F, EF B8 8F: `⚠️`).
        var end = line.end
        if end - line.start >= 3, bytes[end - 3] == 0xEF, bytes[end - 2] == 0xB8, bytes[end - 1] == 0x8F { end -= 3 }
        func isPictograph(_ k: Int) -> Bool {
            guard k >= line.start, k + 3 <= end else { return false }
            // U+1F000…U+1FFFF (F0 9F …) or U+2600…U+27BF (E2 98…9E …).
            return bytes[k] == 0xF0 && bytes[k + 1] == 0x9F || bytes[k] == 0xE2 && bytes[k + 1] &- 0x98 < 7
        }
        guard end - line.start >= 8, isPictograph(line.start) else { return false }
        return isPictograph(end - 4) || isPictograph(end - 3)
    }

    /// Whether line `i` starts with a music note (`♪ ♫ ♬`, U+266A…U+266C): the sound label of an embedded
    /// video (`♬ original sound - Name`).
    func startsWithMusicNote(_ i: Int) -> Bool {
        let line = document.lines[i]
        let bytes = document.bytes
        return line.byteCount > 3 && bytes[line.start] == 0xE2 && bytes[line.start + 1] == 0x99
            && bytes[line.start + 2] &- 0xAA < 3
    }

    /// Whether line `i` is a photo or video caption with no mark (``PhotoCaptions``).
    func isDatedScene(_ i: Int) -> Bool {
        let line = document.lines[i]
        return document.bytes.withUnsafeBufferPointer {
            PhotoCaptions.isDatedScene($0, start: line.start, end: line.end, features: features[i])
                || PhotoCaptions.isVerblessScene($0, start: line.start, end: line.end, features: features[i])
        }
    }

    /// Whether line `i` links to another story (``Boilerplate/isStoryLink(_:_:_:words:)``).
    func isStoryLink(_ i: Int) -> Bool {
        let line = document.lines[i]
        return document.bytes.withUnsafeBufferPointer { Boilerplate.isStoryLink($0, line.start, line.end, words: features[i].words) }
    }

    /// The role of a shopping call to action, an affiliate disclosure or an editor's note (``Boilerplate``);
    /// none in newswire copy, whose hard-wrapped lines are sentence fragments.
    func publisherNote(_ i: Int, edge: Bool) -> Role? {
        guard !indentsParagraphs else { return nil }
        let line = document.lines[i]
        let note = document.bytes.withUnsafeBufferPointer {
            Boilerplate.note($0, line.start, line.end, words: features[i].words, edge: edge)
        }
        switch note {
        case .promo: return .promo
        case .disclosure: return .disclosure
        case .editorNote: return .editorNote
        case nil: return nil
        }
    }

    /// The role of a credit, link, embedded-post or counter line (``PageFurniture``).
    func furniture(_ i: Int) -> Role? {
        let line = document.lines[i]
        let kind = document.bytes.withUnsafeBufferPointer {
            PageFurniture.kind($0, start: line.start, end: line.end, features: features[i])
        }
        switch kind {
        case .credit: return .credit
        case .embed: return .embed
        case .counter: return .navigation
        case nil: return nil
        }
    }

    /// Whether line `i` stands alone as a block (blank lines around it, or every line is a block), and
    /// is not the first half of a hard-wrapped sentence.
    func isStandalone(_ i: Int) -> Bool {
        if i + 1 < count, adjacent(i + 1), features[i + 1].startsLower { return false }
        if wrapWidth != nil { return !continuesParagraph(i) && (i + 1 >= count || !continuesParagraph(i + 1)) }
        guard usesBlankLines else { return true }
        let blankBefore = i == 0 || document.lines[i].blankBefore
        let blankAfter =
            i + 1 >= count || document.lines[i + 1].blankBefore || roles[i + 1] == .video
            || roles[i + 1] == .image
        return blankBefore && blankAfter
    }

    // MARK: Contributors

    mutating func findContributors() {
        var checked = 0
        var i = count - 1
        while i >= 0, checked < 3 {
            if roles[i] != .body && roles[i] != .teaser {
                i -= 1
                continue
            }
            checked += 1
            let line = document.lines[i]
            guard features[i].words <= 80,
                document.bytes.withUnsafeBufferPointer({ Contributors.hasMarker($0, line.start, line.end) }),
                let names = Contributors.names(in: text(i))
            else { break }
            roles[i] = .contributors
            contributors.insert(contentsOf: names, at: 0)
            i -= 1
        }
    }

    // MARK: Output

    static func trimmed(_ s: String) -> String {
        var view = Substring(s)
        while let first = view.first, first == " " || first == "," || first == "." || first == "|" {
            view.removeFirst()
        }
        while let last = view.last, last == " " { view.removeLast() }
        return String(view)
    }

    func article() -> Article {
        var body: [UInt8] = []
        body.reserveCapacity(document.bytes.count)
        var removed: [RemovedBlock] = []
        var previousBody: Int?
        document.bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<count {
                let role = roles[i]
                if role != .body {
                    if let kind = role.removedKind { removed.append(RemovedBlock(kind: kind, text: text(i))) }
                    continue
                }
                var start = document.lines[i].start
                if let cut = datelineCut, cut.line == i { start = cut.offset }
                let end = document.lines[i].end
                guard start < end else { continue }
                if let p = previousBody {
                    let joinsWrapped =
                        p == i - 1 && adjacent(i)
                        && (usesBlankLines && !features[p].isSentenceEnd && features[i].startsLower || continuesParagraph(i)
                            || indentsParagraphs && !features[p].isSentenceEnd && endsMidPhrase(p))
                    if joinsWrapped {
                        body.append(0x20)
                    } else {
                        body.append(0x0A)
                        body.append(0x0A)
                    }
                }
                body.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                previousBody = i
            }
        }
        if body.isEmpty {
            // Nothing looked like a paragraph: keep the text rather than lose it.
            for i in 0..<count where roles[i] != .highlightsMarker {
                if !body.isEmpty {
                    body.append(0x0A)
                    body.append(0x0A)
                }
                body.append(contentsOf: document.bytes[document.lines[i].start..<document.lines[i].end])
            }
            removed.removeAll()
        }
        let orderedMedia = media.sorted { $0.line < $1.line }.map(\.item)
        return Article(
            title: title,
            highlights: highlights,
            dateline: dateline,
            authors: authors,
            contributors: contributors,
            publishedAt: publishedAt,
            body: body.withUnsafeBufferPointer { String(validUTF8: $0) },
            media: orderedMedia,
            removed: removed
        )
    }
}

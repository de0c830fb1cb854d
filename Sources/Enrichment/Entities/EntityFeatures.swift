/// Feature extraction for the entity tagger: per-document word hashes, gazetteer matches and document
/// evidence, then the hashed features of each token given the tags before it.
///
/// A workspace reused across documents; it allocates only when a document is larger than any before.
struct EntityFeatures {
    /// The most features one token can have.
    static let capacity = 128

    private(set) var words: [UInt64] = []
    private var shapes: [UInt64] = []
    private var affixes: [UInt64] = []  // suffix 2, 3, 4, prefix 2, 3 per token
    private var gazetteerMarks: [UInt64] = []
    private var clusters: [UInt32] = []
    private var flags: [Token.Flags] = []
    private var lineEnds: [Bool] = []
    var document = DocumentWords(capacity: 256)

    static let boundary: UInt64 = 0x5EED_0000_0000_0001

    /// Reads `tokens` of `buffer` and the gazetteer matches.
    mutating func prepare(
        _ buffer: UnsafeBufferPointer<UInt8>,
        _ tokens: UnsafeBufferPointer<Token>,
        gazetteer: Gazetteer,
        clusters wordClusters: WordClusters
    ) {
        let n = tokens.count
        words.removeAll(keepingCapacity: true)
        shapes.removeAll(keepingCapacity: true)
        affixes.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        lineEnds.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        gazetteerMarks.removeAll(keepingCapacity: true)
        gazetteerMarks.append(contentsOf: repeatElement(0, count: n))
        document.reset(capacity: n)
        for k in 0..<n {
            let t = tokens[k]
            let s = Int(t.start)
            let e = Int(t.end)
            let word = FeatureHash.lowercased(buffer, s, e)
            words.append(word)
            clusters.append(wordClusters.lookup(word))
            shapes.append(Self.shape(buffer, s, e))
            let length = e - s
            affixes.append(length > 2 ? FeatureHash.lowercased(buffer, e - 2, e) : word)
            affixes.append(length > 3 ? FeatureHash.lowercased(buffer, e - 3, e) : word)
            affixes.append(length > 4 ? FeatureHash.lowercased(buffer, e - 4, e) : word)
            affixes.append(length > 2 ? FeatureHash.lowercased(buffer, s, s + 2) : word)
            affixes.append(length > 3 ? FeatureHash.lowercased(buffer, s, s + 3) : word)
            flags.append(t.flags)
            lineEnds.append(k + 1 == n || tokens[k + 1].flags.contains(.lineStart))
            if !t.flags.contains(.inCapsLine) {
                if t.flags.contains(.capitalized) {
                    if !t.flags.contains(.sentenceStart) { document.note(word, DocumentWords.seenCapitalizedInside) }
                } else if !t.flags.contains(.punctuation) && !t.flags.contains(.hasDigit) {
                    document.note(word, DocumentWords.seenLower)
                }
            }
        }
        let flags = self.flags
        words.withUnsafeBufferPointer { words in
            gazetteerMarks.withUnsafeMutableBufferPointer { marks in
                gazetteer.mark(words: words, startable: { !flags[$0].contains(.punctuation) }, marks: marks)
            }
        }
    }

    /// Whether token `k` starts a sentence.
    func startsSentence(_ k: Int) -> Bool { flags[k].contains(.sentenceStart) }

    /// Whether token `k` must close any entity (the last of its line).
    func endsLine(_ k: Int) -> Bool { lineEnds[k] }

    /// Records the tag given to token `k` for the history features of later tokens.
    mutating func record(_ k: Int, _ tag: EntityTag) {
        guard flags[k].contains(.capitalized) else { return }
        document.record(words[k], typeIndex: tag.type.map { $0.rawValue + 1 } ?? 0)
    }

    /// A collapsed word shape: `Xx`, `X.X.`, `d,d`, `Xx-d`.
    static func shape(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = FeatureHash.offset
        var last: UInt8 = 0
        var i = start
        var run = 0
        while i < end {
            let b = buffer[i]
            var c: UInt8
            if b &- 0x41 < 26 {
                c = UInt8(ascii: "X")
            } else if b &- 0x61 < 26 {
                c = UInt8(ascii: "x")
            } else if b &- 0x30 < 10 {
                c = UInt8(ascii: "d")
            } else if b >= 0x80 {
                c = b >= 0xC0 ? UInt8(ascii: "u") : 0
            } else {
                c = b
            }
            i += 1
            if c == 0 { continue }
            if c == last {
                run += 1
                if run > 1 { continue }
            } else {
                run = 0
            }
            last = c
            h = (h ^ UInt64(c)) &* FeatureHash.prime
        }
        return h
    }

    /// Writes the features of token `k`, given the two tags before it, to `out`; returns how many.
    @inline(__always)
    func features(
        _ k: Int,
        previous: EntityTag,
        beforePrevious: EntityTag,
        into out: UnsafeMutablePointer<UInt64>
    ) -> Int {
        var n = 0
        @inline(__always) func add(_ template: UInt64, _ value: UInt64) {
            out[n] = FeatureHash.feature(template, value)
            n += 1
        }
        let count = words.count
        let f = flags[k]
        let startsSentence = f.contains(.sentenceStart)
        let w = words[k]
        let shape = shapes[k]
        let p1 = startsSentence ? Self.boundary : words[k - 1]
        let p2 = startsSentence || k < 2 || flags[k - 1].contains(.sentenceStart) ? Self.boundary : words[k - 2]
        let nextStarts = k + 1 >= count || flags[k + 1].contains(.sentenceStart)
        let n1 = nextStarts ? Self.boundary : words[k + 1]
        let n2 = nextStarts || k + 2 >= count || flags[k + 2].contains(.sentenceStart) ? Self.boundary : words[k + 2]
        let ps = startsSentence ? Self.boundary : shapes[k - 1]
        let ns = nextStarts ? Self.boundary : shapes[k + 1]
        let caseBits = UInt64(f.rawValue & (Token.Flags.capitalized.rawValue | Token.Flags.allCaps.rawValue))
        let position = UInt64(
            f.rawValue
                & (Token.Flags.sentenceStart.rawValue | Token.Flags.inCapsLine.rawValue
                    | Token.Flags.lineStart.rawValue))
        let t1 = UInt64(previous.rawValue)
        let t2 = UInt64(beforePrevious.rawValue)

        add(1, 0)
        add(2, w)
        add(3, shape)
        add(4, affixes[k * 5])
        add(5, affixes[k * 5 + 1])
        add(6, affixes[k * 5 + 2])
        add(7, affixes[k * 5 + 3])
        add(8, affixes[k * 5 + 4])
        add(9, p1)
        add(10, n1)
        add(11, p2)
        add(12, n2)
        add(13, FeatureHash.combine(ps, shape))
        add(14, FeatureHash.combine(shape, ns))
        add(15, FeatureHash.combine(p1, w))
        add(16, FeatureHash.combine(w, n1))
        add(17, t1)
        add(18, t2 << 8 | t1)
        add(19, FeatureHash.combine(w, t1))
        add(20, FeatureHash.combine(shape, t1))
        add(21, UInt64(f.rawValue))
        add(22, FeatureHash.combine(w, caseBits))
        add(23, FeatureHash.combine(p1, shape))
        add(24, FeatureHash.combine(ps, FeatureHash.combine(shape, ns)))

        // Word clusters here and next door.
        let c = UInt64(clusters[k])
        add(50, c & 0x3FF | (c >> 31) << 31)
        add(51, c >> 10 & 0x3FF | (c >> 31) << 31)
        add(52, c >> 20 & 0x3FF | (c >> 31) << 31)
        let pc = startsSentence ? 0 : UInt64(clusters[k - 1])
        let nc = nextStarts ? 0 : UInt64(clusters[k + 1])
        add(53, pc & 0x3FF | (pc >> 31) << 31)
        add(54, nc & 0x3FF | (nc >> 31) << 31)
        add(55, pc >> 10 & 0x3FF | (pc >> 31) << 31)
        add(56, nc >> 10 & 0x3FF | (nc >> 31) << 31)

        // Gazetteer matches here and next door.
        let capitalized: UInt64 = f.contains(.capitalized) ? 1 : 0
        var marks = gazetteerMarks[k]
        while marks != 0 {
            let bit = UInt64(marks.trailingZeroBitCount)
            marks &= marks - 1
            add(30, bit << 1 | capitalized)
        }
        if !startsSentence { addCategories(31, gazetteerMarks[k - 1], &n, out) }
        if !nextStarts { addCategories(32, gazetteerMarks[k + 1], &n, out) }

        // Document evidence: how this word is written elsewhere and how it was tagged before.
        if f.contains(.capitalized) {
            let seen = UInt64(document.flags(of: w))
            add(40, seen << 8 | position << 2 | caseBits)
            let history = document.history(of: w)
            add(41, history)
            add(42, history << 8 | position)
        }
        return n
    }

    @inline(__always)
    private func addCategories(_ template: UInt64, _ marks: UInt64, _ n: inout Int, _ out: UnsafeMutablePointer<UInt64>) {
        var categories: UInt64 = 0
        var m = marks
        while m != 0 {
            categories |= 1 << (UInt64(m.trailingZeroBitCount) >> 2)
            m &= m - 1
        }
        var c = categories
        while c != 0 {
            out[n] = FeatureHash.feature(template, UInt64(c.trailingZeroBitCount))
            n += 1
            c &= c - 1
        }
    }
}

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
    private var plain: [Bool] = []
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
        plain.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        gazetteerMarks.removeAll(keepingCapacity: true)
        gazetteerMarks.append(contentsOf: repeatElement(0, count: n))
        document.reset(capacity: n)
        for k in 0..<n {
            let t = tokens[k]
            let s = Int(t.start)
            let e = Int(t.end)
            let (word, prefix2, prefix3, shape, lowerASCII) = Self.hashes(buffer, s, e)
            words.append(word)
            clusters.append(wordClusters.lookup(word))
            shapes.append(shape)
            let length = e - s
            affixes.append(length > 2 ? FeatureHash.lowercased(buffer, e - 2, e) : word)
            affixes.append(length > 3 ? FeatureHash.lowercased(buffer, e - 3, e) : word)
            affixes.append(length > 4 ? FeatureHash.lowercased(buffer, e - 4, e) : word)
            affixes.append(length > 2 ? prefix2 : word)
            affixes.append(length > 3 ? prefix3 : word)
            flags.append(t.flags)
            plain.append(lowerASCII && !t.flags.contains(.hasDigit))
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

    /// Whether token `k` cannot start an entity: lower-case ASCII letters or punctuation only, and no
    /// gazetteer match. (In CoNLL-2003 training data 22 of 114,377 such tokens start one: `van`, `de`.)
    /// When no entity is open the tagger gives these tokens O without scoring them (training still
    /// scores and learns from every token).
    func cannotStartEntity(_ k: Int) -> Bool { plain[k] && gazetteerMarks[k] == 0 }

    /// Whether token `k` starts a sentence.
    func startsSentence(_ k: Int) -> Bool { flags[k].contains(.sentenceStart) }

    /// Whether token `k` must close any entity (the last of its line).
    func endsLine(_ k: Int) -> Bool { lineEnds[k] }

    /// Records the tag given to token `k` for the history features of later tokens.
    mutating func record(_ k: Int, _ tag: EntityTag) {
        guard flags[k].contains(.capitalized) else { return }
        document.record(words[k], typeIndex: tag.type.map { $0.rawValue + 1 } ?? 0)
    }

    /// In one pass over a token: its word hash (``FeatureHash/lowercased(_:_:_:)``), the hashes of its
    /// first two and three bytes, its collapsed shape (`Xx`, `X.X.`, `d,d`, `Xx-d`: letters, digits
    /// and marks, runs of more than two alike cut to two), and whether it is ASCII without capitals.
    @inline(__always)
    static func hashes(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> (word: UInt64, prefix2: UInt64, prefix3: UInt64, shape: UInt64, lowerASCII: Bool) {
        var h = FeatureHash.offset
        var prefix2 = h
        var prefix3 = h
        var shape = FeatureHash.offset
        var last: UInt8 = 0
        var run = 0
        var lowerASCII = true
        var i = start
        while i < end {
            var c = buffer[i]
            var shapeClass: UInt8
            if c &- 0x41 < 26 {
                shapeClass = UInt8(ascii: "X")
                c |= 0x20
                lowerASCII = false
            } else if c &- 0x61 < 26 {
                shapeClass = UInt8(ascii: "x")
            } else if c &- 0x30 < 10 {
                shapeClass = UInt8(ascii: "d")
            } else if c >= 0x80 {
                shapeClass = c >= 0xC0 ? UInt8(ascii: "u") : 0
                lowerASCII = false
            } else {
                shapeClass = c
            }
            if c == 0xE2, i + 2 < end, buffer[i + 1] == 0x80 {
                switch buffer[i + 2] {
                case 0x98, 0x99: c = UInt8(ascii: "'")
                case 0x9C, 0x9D: c = UInt8(ascii: "\"")
                case 0x93, 0x94: c = UInt8(ascii: "-")
                default: break
                }
                if c != 0xE2 {
                    shapeClass = c
                    i += 2
                }
            }
            i += 1
            h = (h ^ UInt64(c)) &* FeatureHash.prime
            if i - start == 2 { prefix2 = h }
            if i - start == 3 { prefix3 = h }
            if shapeClass == 0 { continue }
            if shapeClass == last {
                run += 1
                if run > 1 { continue }
            } else {
                run = 0
            }
            last = shapeClass
            shape = (shape ^ UInt64(shapeClass)) &* FeatureHash.prime
        }
        return (h, prefix2, prefix3, shape, lowerASCII)
    }

    /// A key for everything ``staticFeatures(_:into:)`` reads: the word, its shape, its case and its
    /// affixes. The affixes are needed: they are cut at byte offsets, so two spellings that share the
    /// word hash (`“Pirates` and `"Pirates`, where typographic quotes hash as ASCII ones) can differ in
    /// them, and a cache keyed without them would give one the other's scores, making the tags depend
    /// on which articles the worker saw before.
    @inline(__always)
    func staticKey(_ k: Int) -> UInt64 {
        let caseBits = UInt64(flags[k].rawValue & (Token.Flags.capitalized.rawValue | Token.Flags.allCaps.rawValue))
        var key = FeatureHash.combine(FeatureHash.combine(words[k], shapes[k]), caseBits)
        for a in 0..<5 { key = FeatureHash.combine(key, affixes[k * 5 + a]) }
        return key
    }

    /// Writes the features that depend on token `k`'s own text only (so their scores can be cached
    /// per word form); returns how many.
    @inline(__always)
    func staticFeatures(_ k: Int, into out: UnsafeMutablePointer<UInt64>) -> Int {
        let w = words[k]
        let caseBits = UInt64(flags[k].rawValue & (Token.Flags.capitalized.rawValue | Token.Flags.allCaps.rawValue))
        let c = UInt64(clusters[k])
        out[0] = FeatureHash.feature(1, 0)
        out[1] = FeatureHash.feature(2, w)
        out[2] = FeatureHash.feature(3, shapes[k])
        out[3] = FeatureHash.feature(4, affixes[k * 5])
        out[4] = FeatureHash.feature(5, affixes[k * 5 + 1])
        out[5] = FeatureHash.feature(6, affixes[k * 5 + 2])
        out[6] = FeatureHash.feature(7, affixes[k * 5 + 3])
        out[7] = FeatureHash.feature(8, affixes[k * 5 + 4])
        out[8] = FeatureHash.feature(22, FeatureHash.combine(w, caseBits))
        out[9] = FeatureHash.feature(50, c & 0x3FF | (c >> 31) << 31)
        out[10] = FeatureHash.feature(51, c >> 10 & 0x3FF | (c >> 31) << 31)
        out[11] = FeatureHash.feature(52, c >> 20 & 0x3FF | (c >> 31) << 31)
        return 12
    }

    /// Writes the features of token `k` that depend on its neighbours, the two tags before it, the
    /// gazetteer and the document; returns how many.
    @inline(__always)
    func contextFeatures(
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
        let startsSentence = k == 0 || f.contains(.sentenceStart)
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
        add(23, FeatureHash.combine(p1, shape))
        add(24, FeatureHash.combine(ps, FeatureHash.combine(shape, ns)))

        // Word clusters next door.
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

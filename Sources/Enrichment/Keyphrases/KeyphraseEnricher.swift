public import Articles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ranks the words and phrases (up to three words) that describe the article (`enrichment.keywords`).
///
/// Candidates are runs of content words in the body (never in removed boilerplate, which is not in the
/// body): words of three or more letters that are not stop words, numbers or punctuation, and no run
/// crosses a sentence. Plural `-s` is folded. A candidate scores
/// `(1 + ln tf) × idf × position × title × entity`, where idf comes from ``WordFrequencies`` (mean over
/// the words of a phrase, with a bonus per extra word), position favours early first use, and phrases
/// in the title or equal to an entity name get a bonus. Phrases of two or more words must occur twice
/// or be in the title. A phrase whose every occurrence is inside a better-ranked phrase
/// (`warplanes` in `Russian warplanes`) is left out, and so is a country's name or demonym when the
/// other is already in (`Syrian` after `Syria`).
public struct KeyphraseEnricher: Enricher {
    /// How many phrases to report.
    public var maxCount: Int
    /// Background document frequencies.
    public let frequencies: WordFrequencies
    /// Countries and their demonyms, to fold `Syria` and `Syrian`.
    public let gazetteer: PlaceGazetteer

    public var name: String { "keywords" }

    /// Creates the enricher.
    public init(maxCount: Int = 10, frequencies: WordFrequencies = .builtIn, gazetteer: PlaceGazetteer = .builtIn) {
        self.maxCount = maxCount
        self.frequencies = frequencies
        self.gazetteer = gazetteer
    }

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        result.keywords = keyphrases(of: text, entities: result.entities ?? [])
    }

    /// Score bonus per word beyond the first.
    static let phraseBonus = 0.5

    /// The keyphrases of `article`, best first.
    public func keyphrases(of article: Article, entities: [Entity]) -> [Keyphrase] {
        keyphrases(of: ArticleText(article), entities: entities)
    }

    /// The keyphrases of `text` (using its shared tokens and word keys), best first.
    public func keyphrases(of text: ArticleText, entities: [Entity]) -> [Keyphrase] {
        guard maxCount > 0 else { return [] }
        let titleKeys = Self.wordKeys(text.article.title ?? "")
        var table = candidates(of: text, titleKeys: titleKeys)
        for entity in entities {
            if let key = Self.phraseKey(entity.name) { table.markEntity(key) }
        }
        return choose(from: table, tokenCount: text.tokens.count, bytes: text.bytes)
    }

    /// The content words of the body, in runs (no run crosses a sentence or a non-content token, nor
    /// passes nine words), and the phrases they make.
    private func candidates(of text: ArticleText, titleKeys: [UInt64]) -> KeyphraseCandidates {
        let tokens = text.tokens
        let keys = text.keys
        var words: [KeyphraseCandidates.Word] = []
        words.reserveCapacity(tokens.count)
        var tableKeys: [UInt64] = []
        tableKeys.reserveCapacity(tokens.count)
        var runs: [Range<Int>] = []
        runs.reserveCapacity(tokens.count / 2)
        var runStart = 0
        let stopWords = Self.stopWords
        text.bytes.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer { tokens in
                for index in 0..<tokens.count {
                    let token = tokens[index]
                    if token.flags.contains(.sentenceStart) && words.count > runStart {
                        runs.append(runStart..<words.count)
                        runStart = words.count
                    }
                    guard token.flags.isDisjoint(with: [.punctuation, .hasDigit]), token.end - token.start >= 3,
                        let (key, tableKey) = Self.contentKeys(
                            buffer, token.range, full: keys[index], stopWords: stopWords)
                    else {
                        if words.count > runStart {
                            runs.append(runStart..<words.count)
                            runStart = words.count
                        }
                        continue
                    }
                    words.append(
                        KeyphraseCandidates.Word(
                            key: key, idf: 0, token: Int32(index), start: token.start, end: token.end,
                            inTitle: titleKeys.contains(key)))
                    tableKeys.append(tableKey)
                    if words.count - runStart > 8 {
                        runs.append(runStart..<words.count)
                        runStart = words.count
                    }
                }
            }
        }
        if words.count > runStart { runs.append(runStart..<words.count) }
        // The frequency table is large and mostly not in the cache: look the words up in a loop of their
        // own, so that the misses overlap.
        words.withUnsafeMutableBufferPointer { words in
            for i in 0..<words.count { words[i].idf = frequencies.idf(tableKeys[i]) }
        }
        return KeyphraseCandidates(words: words, runs: runs)
    }

    /// A scored candidate; the order is best score first, then first use, then candidate order.
    private struct Scored {
        var score: Double
        var first: Int32
        var index: Int32

        @inline(__always)
        func isBefore(_ other: Scored) -> Bool {
            score != other.score
                ? score > other.score : first != other.first ? first < other.first : index < other.index
        }
    }

    /// Scores the candidates and picks the best `maxCount`, leaving out covered phrases and a second
    /// name of a country.
    private func choose(from table: KeyphraseCandidates, tokenCount: Int, bytes: [UInt8]) -> [Keyphrase] {
        let candidates = table.candidates
        var scored: [Scored] = []
        scored.reserveCapacity(candidates.count)
        for (index, c) in candidates.enumerated() {
            if c.words > 1 && c.count < 2 && !c.inTitle { continue }
            var score = (1 + Self.logCount(c.count)) * c.idf * (1 + Self.phraseBonus * Double(c.words - 1))
            score *= 1 + 0.5 * (1 - Double(c.first) / Double(max(1, tokenCount)))
            if c.inTitle { score *= 1.5 }
            if c.isEntity { score *= 1.3 }
            scored.append(Scored(score: score, first: c.first, index: Int32(index)))
        }
        guard !scored.isEmpty else { return [] }
        // The best few in order; the rest are sorted only if the choice runs through them.
        var ranked = Self.best(scored, count: min(scored.count, max(32, maxCount * 4)))
        var chosen: [Keyphrase] = []
        var chosenIndices: [Int] = []
        var chosenCountries: [String] = []
        let top = ranked[0].score
        var next = 0
        while chosen.count < maxCount {
            if next == ranked.count {
                guard ranked.count < scored.count else { break }
                scored.sort { $0.isBefore($1) }
                ranked = scored
            }
            let entry = ranked[next]
            next += 1
            let c = candidates[Int(entry.index)]
            // Left out when every occurrence is inside a phrase already chosen.
            let covered = chosenIndices.contains { other in
                let o = candidates[other]
                return o.count >= c.count && (o.parts.0 == c.key || o.parts.1 == c.key || table.contains(o, c.key))
            }
            if covered { continue }
            // A country and its demonym (`Syria`, `Syrian`) are one keyphrase: the better-ranked.
            let text = String(decoding: bytes[Int(c.start)..<Int(c.end)], as: UTF8.self)
            if c.words == 1, let country = gazetteer.countryCode(of: text) {
                if chosenCountries.contains(country) { continue }
                chosenCountries.append(country)
            }
            chosenIndices.append(Int(entry.index))
            chosen.append(
                Keyphrase(text: text, score: (entry.score / top * 1000).rounded() / 1000, count: Int(c.count)))
        }
        return chosen
    }

    /// The first `count` of `scored` in ``Scored`` order.
    private static func best(_ scored: [Scored], count: Int) -> [Scored] {
        var best: [Scored] = []
        best.reserveCapacity(count + 1)
        for entry in scored {
            if best.count == count {
                guard entry.isBefore(best[count - 1]) else { continue }
                best.removeLast()
            }
            var low = 0
            var high = best.count
            while low < high {
                let mid = (low + high) / 2
                if best[mid].isBefore(entry) { low = mid + 1 } else { high = mid }
            }
            best.insert(entry, at: low)
        }
        return best
    }

    /// `ln count`, from a table for the small counts most phrases have.
    @inline(__always)
    private static func logCount(_ count: Int32) -> Double {
        count < 64 ? smallLogs[Int(count)] : log(Double(count))
    }

    private static let smallLogs: [Double] = (0..<64).map { log(Double($0)) }

    /// The inverse of the FNV-1a prime modulo 2^64: undoes the last step of a word key.
    private static let primeInverse: UInt64 = 0xCE96_5057_AFF6_957B

    /// The key of a content word (plural `-s` folded), or `nil` for a stop word or a token that does
    /// not start with a letter.
    static func wordKey(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        lookupKeys(buffer, range)?.candidate
    }

    /// The candidate key (plural folded) and the frequency-table key (as written, lower-cased; the last
    /// part of a hyphenated word) of a content word.
    static func lookupKeys(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> (candidate: UInt64, table: UInt64)? {
        contentKeys(
            buffer, range, full: FeatureHash.lowercased(buffer, range.lowerBound, range.upperBound),
            stopWords: stopWords)
    }

    /// ``lookupKeys(_:_:)`` given the word's ``FeatureHash/lowercased(_:_:_:)`` key `full` (and
    /// ``stopWords``, read once by the caller).
    @inline(__always)
    static func contentKeys(
        _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, full: UInt64, stopWords: WordTable<Bool>
    ) -> (
        candidate: UInt64, table: UInt64
    )? {
        // A letter first: ASCII, or the lead byte of a two-byte letter (Latin, Greek, Cyrillic…) or of a
        // CJK-range character; not punctuation, symbols or emoji (E2, F0 and up).
        let first = buffer[range.lowerBound]
        let letter =
            (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || first >= 0xC3 && first <= 0xDF
            || first >= 0xE3 && first <= 0xED
        guard letter else { return nil }
        var lastHyphen = -1
        for k in range {
            let b = buffer[k]
            if b < 0x80 {
                if b == UInt8(ascii: "-") {
                    lastHyphen = k
                } else if (b | 0x20) &- 0x61 >= 26 {
                    return nil
                }
            } else if b == 0xE2 || b >= 0xF0 {
                return nil
            }
        }
        if stopWords.contains(full) { return nil }
        let table =
            lastHyphen > range.lowerBound && lastHyphen + 1 < range.upperBound
            ? FeatureHash.lowercased(buffer, lastHyphen + 1, range.upperBound) : full
        let end = range.upperBound
        if end - range.lowerBound > 4 && (buffer[end - 1] | 0x20) == UInt8(ascii: "s")
            && (buffer[end - 2] | 0x20) != UInt8(ascii: "s")
        {
            // The key without the final `s` (an ASCII byte, hashed as `s`): FNV-1a's last step undone.
            return ((full &* primeInverse) ^ UInt64(UInt8(ascii: "s")), table)
        }
        return (full, table)
    }

    /// Calls `body` with the range of each token of `buffer` (as ``Tokenizer/tokenize(_:into:)`` splits
    /// it; no flags, which titles and names do not need).
    @inline(__always)
    static func forEachTokenRange(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var i = 0
        while i < buffer.count {
            let spaceWidth = buffer[i] == 0x0A ? 1 : Tokenizer.spaceWidth(buffer, i)
            if spaceWidth > 0 {
                i += spaceWidth
                continue
            }
            let end = Tokenizer.tokenEnd(buffer, i)
            body(i..<end)
            i = end
        }
    }

    /// The content-word keys of a title (few: searched in order).
    static func wordKeys(_ text: String) -> [UInt64] {
        var keys: [UInt64] = []
        var text = text
        text.withUTF8 { buffer in
            forEachTokenRange(buffer) { range in
                if let key = wordKey(buffer, range), !keys.contains(key) { keys.append(key) }
            }
        }
        return keys
    }

    /// The candidate key of a phrase of up to three content words, or `nil` if it is not one.
    static func phraseKey(_ phrase: String) -> UInt64? {
        var phrase = phrase
        return phrase.withUTF8 { buffer -> UInt64? in
            var key: UInt64 = 0
            var words = 0
            var isPhrase = true
            forEachTokenRange(buffer) { range in
                words += 1
                guard isPhrase, words <= 3, range.count >= 3, let word = wordKey(buffer, range) else {
                    isPhrase = false
                    return
                }
                key = KeyphraseCandidates.fold(key, word)
            }
            return isPhrase && words > 0 ? key : nil
        }
    }

    /// Function words, reporting verbs, titles, days and months: never keyphrases.
    static let stopWords: WordTable<Bool> = WordTable(
        """
        the and for are but not you all any can had her was one our out has him his how man new now old see two \
        way who boy did its let put say she too use that with have this will your from they know want been good \
        much some time very when come here just like long make many more only over such take than them well were \
        what where which while who whom whose why would could should about after again against also among another \
        because before being below between both during each either every few first further into itself last least \
        less most must never next none other others ought same since still their theirs themselves then there these \
        those though through under until upon what whatever whether within without yet yours said says told tell \
        according added asked mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february \
        march april may june july august september october november december today yesterday tomorrow week weeks year \
        years month months day days people thing things lot lots way ways part parts number numbers per cent percent \
        around three four five six seven eight nine ten hundred thousand million billion even however including \
        says going got get gets getting made makes making went goes gone came comes coming think thought see seen \
        say saying may might also already always often ever back down off onto near across along behind beyond \
        inside outside toward towards via yes don doesn didn isn aren wasn weren won wouldn couldn shouldn hasn \
        haven hadn
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { (FeatureHash.lowercased(String($0)), true) })
}

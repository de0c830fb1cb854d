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

    private struct Candidate {
        var count = 0
        var first = 0
        var words = 0
        var idf = 0.0
        var start = 0
        var end = 0
        /// Every word is in the title.
        var inTitle = false
        /// Keys of the one-word-shorter phrases it contains (for the containment check).
        var parts: (UInt64, UInt64) = (0, 0)
    }

    /// Score bonus per word beyond the first.
    static let phraseBonus = 0.5

    /// The keyphrases of `article`, best first.
    public func keyphrases(of article: Article, entities: [Entity]) -> [Keyphrase] {
        keyphrases(of: ArticleText(article), entities: entities)
    }

    /// The keyphrases of `text` (using its shared tokens), best first.
    public func keyphrases(of text: ArticleText, entities: [Entity]) -> [Keyphrase] {
        guard maxCount > 0 else { return [] }
        let article = text.article
        let titleWords = Self.wordKeys(article.title ?? "")
        var entityKeys = Set<UInt64>()
        for entity in entities { if let key = Self.phraseKey(entity.name) { entityKeys.insert(key) } }
        var candidates: [UInt64: Candidate] = [:]
        candidates.reserveCapacity(article.body.utf8.count / 2)
        var order: [UInt64] = []
        var tokenCount = 0
        let tokens = text.tokens
        text.bytes.withUnsafeBufferPointer { buffer in
            tokenCount = tokens.count
            var run: [(key: UInt64, idf: Double, start: Int, end: Int)] = []
            run.reserveCapacity(16)
            func flush(_ position: Int) {
                for n in 1...3 where run.count >= n {
                    for i in 0...(run.count - n) {
                        var key: UInt64 = 0
                        var idf = 0.0
                        for k in i..<(i + n) {
                            key = key &* 0x9E37_79B9_7F4A_7C15 &+ run[k].key
                            idf += run[k].idf
                        }
                        if let slot = candidates.index(forKey: key) {
                            candidates.values[slot].count += 1
                        } else {
                            order.append(key)
                            var c = Candidate()
                            c.first = position - run.count + i
                            c.words = n
                            c.idf = idf / Double(n)
                            c.start = run[i].start
                            c.end = run[i + n - 1].end
                            c.inTitle = !titleWords.isEmpty && run[i..<(i + n)].allSatisfy { titleWords.contains($0.key) }
                            if n > 1 {
                                var left: UInt64 = 0
                                var right: UInt64 = 0
                                for k in i..<(i + n - 1) { left = left &* 0x9E37_79B9_7F4A_7C15 &+ run[k].key }
                                for k in (i + 1)..<(i + n) { right = right &* 0x9E37_79B9_7F4A_7C15 &+ run[k].key }
                                c.parts = (left, right)
                            }
                            c.count = 1
                            candidates[key] = c
                        }
                    }
                }
                run.removeAll(keepingCapacity: true)
            }
            for (index, token) in tokens.enumerated() {
                if token.flags.contains(.sentenceStart) { flush(index) }
                let range = token.range
                guard !token.flags.contains(.punctuation), !token.flags.contains(.hasDigit), range.count >= 3,
                    let (key, tableKey) = Self.lookupKeys(buffer, range)
                else {
                    flush(index)
                    continue
                }
                let df = frequencies.count(tableKey)
                let idf = log(Double(frequencies.documents + 1) / Double(df + 1))
                run.append((key, idf, range.lowerBound, range.upperBound))
                if run.count > 8 { flush(index + 1) }
            }
            flush(tokens.count)
        }
        var scored: [(key: UInt64, score: Double)] = []
        scored.reserveCapacity(order.count)
        for key in order {
            let c = candidates[key]!
            if c.words > 1 && c.count < 2 && !c.inTitle { continue }
            var score = (1 + log(Double(c.count))) * c.idf * (1 + Self.phraseBonus * Double(c.words - 1))
            score *= 1 + 0.5 * (1 - Double(c.first) / Double(max(1, tokenCount)))
            if c.inTitle { score *= 1.5 }
            if entityKeys.contains(key) { score *= 1.3 }
            scored.append((key, score))
        }
        let bytes = text.bytes
        scored.sort { $0.score != $1.score ? $0.score > $1.score : candidates[$0.key]!.first < candidates[$1.key]!.first }
        var chosen: [Keyphrase] = []
        var chosenKeys: [UInt64] = []
        var chosenCountries = Set<String>()
        let top = scored.first?.score ?? 1
        for (key, score) in scored where chosen.count < maxCount {
            let c = candidates[key]!
            // Left out when every occurrence is inside a phrase already chosen.
            let covered = chosenKeys.contains { other in
                let o = candidates[other]!
                return o.count >= c.count && (o.parts.0 == key || o.parts.1 == key || Self.contains(o, key, candidates))
            }
            if covered { continue }
            // A country and its demonym (`Syria`, `Syrian`) are one keyphrase: the better-ranked.
            let text = String(decoding: bytes[c.start..<c.end], as: UTF8.self)
            if c.words == 1, let country = gazetteer.countryCode(of: text) {
                if chosenCountries.contains(country) { continue }
                chosenCountries.insert(country)
            }
            chosenKeys.append(key)
            chosen.append(
                Keyphrase(
                    text: text, score: (score / top * 1000).rounded() / 1000,
                    count: c.count))
        }
        return chosen
    }

    /// Whether three-word phrase `outer` contains one-word phrase `key` (through its two-word parts).
    private static func contains(_ outer: Candidate, _ key: UInt64, _ candidates: [UInt64: Candidate]) -> Bool {
        guard outer.words == 3 else { return false }
        for part in [outer.parts.0, outer.parts.1] {
            if let inner = candidates[part], inner.parts.0 == key || inner.parts.1 == key { return true }
        }
        return false
    }

    /// The key of a content word (plural `-s` folded), or `nil` for a stop word or a token that does
    /// not start with a letter.
    static func wordKey(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        lookupKeys(buffer, range)?.candidate
    }

    /// The candidate key (plural folded) and the frequency-table key (as written, lower-cased; the last
    /// part of a hyphenated word) of a content word.
    static func lookupKeys(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (candidate: UInt64, table: UInt64)? {
        // A letter first: ASCII, or the lead byte of a two-byte letter (Latin, Greek, Cyrillic…) or of a
        // CJK-range character; not punctuation, symbols or emoji (E2, F0 and up).
        let first = buffer[range.lowerBound]
        let letter =
            (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || first >= 0xC3 && first <= 0xDF || first >= 0xE3 && first <= 0xED
        guard letter else { return nil }
        var lastHyphen = -1
        for k in range {
            let b = buffer[k]
            if b == UInt8(ascii: "-") { lastHyphen = k }
            if b < 0x80 && !((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) && b != UInt8(ascii: "-") { return nil }
            if b == 0xE2 || b >= 0xF0 { return nil }
        }
        let full = WordFrequencies.key(UnsafeBufferPointer(rebasing: buffer[range]))
        if stopWords.contains(full) { return nil }
        let table =
            lastHyphen > range.lowerBound && lastHyphen + 1 < range.upperBound
            ? WordFrequencies.key(UnsafeBufferPointer(rebasing: buffer[(lastHyphen + 1)..<range.upperBound])) : full
        let end = range.upperBound
        if end - range.lowerBound > 4 && (buffer[end - 1] | 0x20) == UInt8(ascii: "s") && (buffer[end - 2] | 0x20) != UInt8(ascii: "s") {
            return (WordFrequencies.key(UnsafeBufferPointer(rebasing: buffer[range.lowerBound..<(end - 1)])), table)
        }
        return (full, table)
    }

    static func wordKeys(_ text: String) -> Set<UInt64> {
        var keys = Set<UInt64>()
        var text = text
        text.withUTF8 { buffer in
            var tokens: [Token] = []
            Tokenizer.tokenize(buffer, into: &tokens)
            for token in tokens { if let key = wordKey(buffer, token.range) { keys.insert(key) } }
        }
        return keys
    }

    /// The candidate key of a phrase of up to three content words, or `nil` if it is not one.
    static func phraseKey(_ phrase: String) -> UInt64? {
        var phrase = phrase
        return phrase.withUTF8 { buffer -> UInt64? in
            var tokens: [Token] = []
            Tokenizer.tokenize(buffer, into: &tokens)
            guard !tokens.isEmpty, tokens.count <= 3 else { return nil }
            var key: UInt64 = 0
            for token in tokens {
                guard token.range.count >= 3, let word = wordKey(buffer, token.range) else { return nil }
                key = key &* 0x9E37_79B9_7F4A_7C15 &+ word
            }
            return key
        }
    }

    /// Function words, reporting verbs, titles, days and months: never keyphrases.
    static let stopWords: Set<UInt64> = Set(
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
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { FeatureHash.lowercased(String($0)) })
}

public import Articles

/// Document tone and per-entity sentiment (`enrichment.sentiment`).
///
/// Each sentence gets a score in −1…1 from word valences (``SentimentLexicon``) with rules for
/// intensifiers and dampeners in the three words before a sentiment word, negation (`not`, `n't`,
/// `never` … within three words: the valence flips and shrinks), contrast (`but`: what comes before
/// counts half, what follows one and a half), shouted words and exclamation marks; the sum `s` is
/// normalised as `s / √(s² + 15)`. The document score is the mean over sentences, so long articles
/// do not saturate, and GDELT's word shares are reported beside it: positive and negative per cent
/// of words, tone = positive − negative, polarity = positive + negative. An entity's score is the
/// mean over the sentences that mention it, each read toward the mention: a sentiment word's weight
/// is divided by 1 + its distance in tokens / 4. Reads the entities (run ``EntityEnricher`` first).
public struct SentimentEnricher: Enricher {
    /// Scores at or beyond ±`threshold` are labelled positive or negative.
    public static let threshold = 0.05

    /// The most entities reported.
    public var maxEntities: Int

    public var name: String { "sentiment" }

    /// Creates the enricher with the built-in lexicon.
    public init(maxEntities: Int = 20) {
        self.maxEntities = maxEntities
    }

    /// The tone of one sentence.
    struct SentenceTone {
        var score = 0.0
        var positive = 0
        var negative = 0
        var words = 0
        /// Exclamation marks (at most 4 count).
        var exclamations = 0
        /// This sentence's entries in ``Reading/contributions``.
        var contributions: Range<Int> = 0..<0
    }

    /// The sentences of an article with each sentiment word's contribution (token index, value after
    /// boosters, negation and contrast).
    struct Reading {
        var sentences: [SentenceTone] = []
        var contributions: [(token: Int32, value: Float)] = []

        /// The score of sentence `index` read toward the tokens `focus`: each contribution is divided
        /// by 1 + distance / 4, so words next to the target count most. `focus` is in token order.
        func score(_ index: Int, focus: [Int]) -> Double {
            let sentence = sentences[index]
            guard !focus.isEmpty else { return sentence.score }
            // Contributions and focus tokens are both in token order: one merge pass.
            var sum = 0.0
            var f = 0
            for (token, value) in contributions[sentence.contributions] {
                let t = Int(token)
                while f + 1 < focus.count && focus[f + 1] <= t { f += 1 }
                var distance = abs(focus[f] - t)
                if f + 1 < focus.count { distance = min(distance, abs(focus[f + 1] - t)) }
                sum += Double(value) / (1 + Double(distance) / 4)
            }
            return SentimentEnricher.normalised(sum, exclamations: sentence.exclamations)
        }
    }

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let reading = read(text)
        var positive = 0
        var negative = 0
        var words = 0
        var sum = 0.0
        var scored = 0
        for tone in reading.sentences where tone.words > 0 {
            positive += tone.positive
            negative += tone.negative
            words += tone.words
            sum += tone.score
            scored += 1
        }
        let score = scored > 0 ? sum / Double(scored) : 0
        let share = { (count: Int) in words > 0 ? Self.rounded(100 * Double(count) / Double(words)) : 0 }
        var entities: [Sentiment.EntityTone] = []
        for entity in (result.entities ?? []).prefix(maxEntities) {
            let mean = targetScore(text, reading, entity.mentions.map { $0.start..<$0.end })
            guard let mean else { continue }
            entities.append(
                .init(
                    name: entity.name, type: entity.type, score: Self.rounded(mean.score), label: Self.label(mean.score),
                    sentences: mean.sentences))
        }
        result.sentiment = Sentiment(
            score: Self.rounded(score), label: Self.label(score), positive: share(positive), negative: share(negative),
            tone: Self.rounded(share(positive) - share(negative)), polarity: Self.rounded(share(positive) + share(negative)),
            words: words, entities: entities)
    }

    /// The score (−1…1) toward the code point ranges `targets` of `text`: the mean over the sentences
    /// holding them, each read toward the targets (what `enrichment.sentiment.entities` reports; the
    /// evaluation uses it with NewsMTSC's targets).
    public func score(of text: String, targets: [Range<Int>]) -> Double {
        let analysed = ArticleText(Article(body: text))
        return targetScore(analysed, read(analysed), targets)?.score ?? 0
    }

    /// The mean focused score over the sentences holding `targets`, and how many sentences that is.
    func targetScore(_ text: ArticleText, _ reading: Reading, _ targets: [Range<Int>]) -> (score: Double, sentences: Int)? {
        let sentences = text.sentences
        let tokens = text.tokens
        guard !sentences.isEmpty, !tokens.isEmpty else { return nil }
        // (sentence, token) of every target, in body order.
        var focus: [(sentence: Int, token: Int)] = []
        focus.reserveCapacity(targets.count)
        for target in targets {
            // The first token at or after the target's first code point.
            var low = 0
            var high = tokens.count
            while low < high {
                let mid = (low + high) / 2
                if text.scalarOffset(Int(tokens[mid].start)) < target.lowerBound { low = mid + 1 } else { high = mid }
            }
            guard low < tokens.count else { continue }
            let byte = Int(tokens[low].start)
            var lowSentence = 0
            var highSentence = sentences.count
            while lowSentence < highSentence {
                let mid = (lowSentence + highSentence) / 2
                if sentences[mid].lowerBound <= byte { lowSentence = mid + 1 } else { highSentence = mid }
            }
            guard lowSentence > 0 else { continue }
            focus.append((lowSentence - 1, low))
        }
        guard !focus.isEmpty else { return nil }
        focus.sort { $0.sentence != $1.sentence ? $0.sentence < $1.sentence : $0.token < $1.token }
        var total = 0.0
        var count = 0
        var near: [Int] = []
        for (index, item) in focus.enumerated() {
            near.append(item.token)
            if index + 1 == focus.count || focus[index + 1].sentence != item.sentence {
                total += reading.score(item.sentence, focus: near)
                count += 1
                near.removeAll(keepingCapacity: true)
            }
        }
        return (total / Double(count), count)
    }

    /// `positive`, `negative` or `neutral` for a score.
    public static func label(_ score: Double) -> String {
        score >= threshold ? "positive" : score <= -threshold ? "negative" : "neutral"
    }

    /// `sum` plus exclamation emphasis, normalised to −1…1 as `s / √(s² + 15)`.
    static func normalised(_ sum: Double, exclamations: Int) -> Double {
        guard sum != 0 else { return 0 }
        let s = sum + Double(min(exclamations, 4)) * 0.292 * (sum > 0 ? 1 : -1)
        return max(-1, min(1, s / (s * s + 15).squareRoot()))
    }

    /// Reads every sentence of `text`.
    func read(_ text: ArticleText) -> Reading {
        let tokens = text.tokens
        let keys = text.keys
        let lexicon = SentimentLexicon.builtIn
        var reading = Reading()
        reading.sentences.reserveCapacity(text.sentences.count)
        text.bytes.withUnsafeBufferPointer { buffer in
            var k = 0
            for sentence in text.sentences {
                while k < tokens.count && Int(tokens[k].start) < sentence.lowerBound { k += 1 }
                var end = k
                while end < tokens.count && Int(tokens[end].start) < sentence.upperBound { end += 1 }
                let tone = self.tone(buffer, tokens, keys, lexicon, k..<end, into: &reading.contributions)
                reading.sentences.append(tone)
                k = end
            }
        }
        return reading
    }

    /// The tone of `tokens[range]`; appends its sentiment words' contributions.
    func tone(
        _ buffer: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ keys: [UInt64], _ lexicon: SentimentLexicon,
        _ range: Range<Int>,
        into contributions: inout [(token: Int32, value: Float)]
    ) -> SentenceTone {
        var tone = SentenceTone()
        let first = contributions.count
        var contrast: Int?  // index in `contributions` where the words after a `but` start
        var lastNegation = Int.min / 2
        // The boosts of the last three tokens, newest first.
        var boosts = (0.0, 0.0, 0.0)
        /// Whether the sentence has lower-case words (so an all-capitals word is shouted); asked only
        /// for all-capitals sentiment words.
        func hasLowercase() -> Bool {
            range.contains { !tokens[$0].flags.contains(.allCaps) && !tokens[$0].flags.contains(.punctuation) }
        }
        for k in range {
            let token = tokens[k]
            let flags = token.flags
            if flags.contains(.punctuation) {
                if buffer[Int(token.start)] == UInt8(ascii: "!") { tone.exclamations += Int(token.end - token.start) }
                boosts = (0, boosts.0, boosts.1)
                continue
            }
            if flags.contains(.hasDigit) {
                boosts = (0, boosts.0, boosts.1)
                continue
            }
            tone.words += 1
            guard let entry = lexicon.entry(keys[k]) else {
                boosts = (0, boosts.0, boosts.1)
                continue
            }
            switch entry.kind {
            case SentimentLexicon.Entry.booster:
                boosts = (Double(entry.value), boosts.0, boosts.1)
                continue
            case SentimentLexicon.Entry.negation:
                lastNegation = k
                boosts = (0, boosts.0, boosts.1)
                continue
            case SentimentLexicon.Entry.contrast:
                contrast = contributions.count
                boosts = (0, boosts.0, boosts.1)
                continue
            default:
                break
            }
            var valence = Double(entry.value)
            if valence != 0 {
                let sign = valence > 0 ? 1.0 : -1.0
                if flags.contains(.allCaps) && token.end - token.start > 1 && hasLowercase() { valence += 0.733 * sign }
                valence += sign * (boosts.0 + boosts.1 * 0.95 + boosts.2 * 0.9)
                if k - lastNegation <= 3 { valence *= -0.74 }
                if valence > 0 { tone.positive += 1 } else if valence < 0 { tone.negative += 1 }
                contributions.append((Int32(truncatingIfNeeded: k), Float(valence)))
            }
            boosts = (0, boosts.0, boosts.1)
        }
        // `but`: what came before counts half, what follows one and a half.
        if let contrast {
            for c in first..<contributions.count { contributions[c].value *= c < contrast ? 0.5 : 1.5 }
        }
        var sum = 0.0
        for c in first..<contributions.count { sum += Double(contributions[c].value) }
        tone.score = Self.normalised(sum, exclamations: tone.exclamations)
        tone.contributions = first..<contributions.count
        return tone
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

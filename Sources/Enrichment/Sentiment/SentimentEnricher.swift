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
/// mean over the sentences that mention it. Reads the entities (run ``EntityEnricher`` first).
public struct SentimentEnricher: Enricher {
    /// Scores at or beyond ±`threshold` are labelled positive or negative.
    public static let threshold = 0.05

    /// The most entities reported.
    public var maxEntities: Int
    let lexicon: SentimentLexicon

    public var name: String { "sentiment" }

    /// Creates the enricher with the built-in lexicon.
    public init(maxEntities: Int = 20) {
        self.maxEntities = maxEntities
        self.lexicon = .builtIn
    }

    /// The tone of one sentence.
    struct SentenceTone {
        var score = 0.0
        var positive = 0
        var negative = 0
        var words = 0
    }

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let sentences = text.sentences
        let tones = self.tones(text, sentences)
        var positive = 0
        var negative = 0
        var words = 0
        var sum = 0.0
        var scored = 0
        for tone in tones where tone.words > 0 {
            positive += tone.positive
            negative += tone.negative
            words += tone.words
            sum += tone.score
            scored += 1
        }
        let score = scored > 0 ? sum / Double(scored) : 0
        let share = { (count: Int) in words > 0 ? Self.rounded(100 * Double(count) / Double(words)) : 0 }
        var entities: [Sentiment.EntityTone] = []
        if let found = result.entities, !found.isEmpty, !sentences.isEmpty {
            let starts = sentences.map { text.scalarOffset($0.lowerBound) }
            for entity in found.prefix(maxEntities) {
                var seen = Set<Int>()
                var total = 0.0
                for mention in entity.mentions {
                    guard let index = Self.sentence(containing: mention.start, starts: starts), seen.insert(index).inserted
                    else { continue }
                    total += tones[index].score
                }
                guard !seen.isEmpty else { continue }
                let mean = total / Double(seen.count)
                entities.append(
                    .init(name: entity.name, type: entity.type, score: Self.rounded(mean), label: Self.label(mean), sentences: seen.count))
            }
        }
        result.sentiment = Sentiment(
            score: Self.rounded(score), label: Self.label(score), positive: share(positive), negative: share(negative),
            tone: Self.rounded(share(positive) - share(negative)), polarity: Self.rounded(share(positive) + share(negative)),
            words: words,
            entities: entities)
    }

    /// The score (−1…1) of the sentences of `text` that hold the code point ranges `targets`
    /// (a target-dependent reading of one entity; the evaluation uses it with NewsMTSC's targets).
    public func score(of text: String, targets: [Range<Int>]) -> Double {
        let analysed = ArticleText(Article(body: text))
        let sentences = analysed.sentences
        let tones = self.tones(analysed, sentences)
        let starts = sentences.map { analysed.scalarOffset($0.lowerBound) }
        var seen = Set<Int>()
        var total = 0.0
        for target in targets {
            guard let index = Self.sentence(containing: target.lowerBound, starts: starts), seen.insert(index).inserted else {
                continue
            }
            total += tones[index].score
        }
        return seen.isEmpty ? 0 : total / Double(seen.count)
    }

    /// `positive`, `negative` or `neutral` for a score.
    public static func label(_ score: Double) -> String {
        score >= threshold ? "positive" : score <= -threshold ? "negative" : "neutral"
    }

    /// The tone of every sentence, in order.
    func tones(_ text: ArticleText, _ sentences: [Range<Int>]) -> [SentenceTone] {
        let tokens = text.tokens
        var tones: [SentenceTone] = []
        tones.reserveCapacity(sentences.count)
        text.bytes.withUnsafeBufferPointer { buffer in
            var k = 0
            for sentence in sentences {
                while k < tokens.count && Int(tokens[k].start) < sentence.lowerBound { k += 1 }
                var end = k
                while end < tokens.count && Int(tokens[end].start) < sentence.upperBound { end += 1 }
                tones.append(tone(buffer, tokens, k..<end))
                k = end
            }
        }
        return tones
    }

    /// The tone of `tokens[range]`.
    func tone(_ buffer: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ range: Range<Int>) -> SentenceTone {
        var tone = SentenceTone()
        var before = 0.0
        var after = 0.0
        var contrast = false
        var exclamations = 0
        var lastNegation = Int.min / 2
        // The boosts of the last three tokens, newest first.
        var boosts = (0.0, 0.0, 0.0)
        var hasLowercase = false
        for k in range where tokens[k].flags.contains(.capitalized) && !tokens[k].flags.contains(.allCaps) {
            hasLowercase = true
            break
        }
        for k in range {
            let token = tokens[k]
            let flags = token.flags
            if flags.contains(.punctuation) {
                if buffer[Int(token.start)] == UInt8(ascii: "!") { exclamations += Int(token.end - token.start) }
                boosts = (0, boosts.0, boosts.1)
                continue
            }
            if flags.contains(.hasDigit) {
                boosts = (0, boosts.0, boosts.1)
                continue
            }
            tone.words += 1
            let key = FeatureHash.lowercased(buffer, Int(token.start), Int(token.end))
            if let modifier = lexicon.modifier(key) {
                switch modifier {
                case .booster(let amount):
                    boosts = (amount, boosts.0, boosts.1)
                    continue
                case .negation:
                    lastNegation = k
                case .contrast:
                    before += after
                    after = 0
                    contrast = true
                }
                boosts = (0, boosts.0, boosts.1)
                continue
            }
            var valence = lexicon.valence(key)
            if valence != 0 {
                let sign = valence > 0 ? 1.0 : -1.0
                if flags.contains(.allCaps) && hasLowercase && token.end - token.start > 1 { valence += 0.733 * sign }
                valence += sign * (boosts.0 + boosts.1 * 0.95 + boosts.2 * 0.9)
                if k - lastNegation <= 3 { valence *= -0.74 }
                if valence > 0 { tone.positive += 1 } else if valence < 0 { tone.negative += 1 }
                after += valence
            }
            boosts = (0, boosts.0, boosts.1)
        }
        var sum = contrast ? before * 0.5 + after * 1.5 : after
        if sum != 0 { sum += Double(min(exclamations, 4)) * 0.292 * (sum > 0 ? 1 : -1) }
        tone.score = sum == 0 ? 0 : max(-1, min(1, sum / (sum * sum + 15).squareRoot()))
        return tone
    }

    /// The index of the last sentence starting at or before code point `offset`.
    static func sentence(containing offset: Int, starts: [Int]) -> Int? {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

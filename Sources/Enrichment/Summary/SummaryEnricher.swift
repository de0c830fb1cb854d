public import Articles

/// Picks the sentences that best summarise the article (`enrichment.summary`), in article order.
///
/// Each candidate from ``SummarySentences`` is scored by a linear model whose weights
/// (``SummaryWeights``) were fitted by `scripts/train-summary.py` (logistic regression on which
/// sentences best match human highlights); the best are taken, skipping any sentence that mostly
/// repeats one already chosen. Reads the entities (run ``EntityEnricher`` first).
public struct SummaryEnricher: Enricher {
    /// How many sentences to pick.
    public var sentenceCount: Int

    public var name: String { "summary" }

    /// Creates the enricher.
    public init(sentenceCount: Int = 3) {
        self.sentenceCount = sentenceCount
    }

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        result.summary = summary(of: text, entities: result.entities ?? [])
    }

    /// The summary sentences of `article`, in article order.
    public func summary(of article: Article, entities: [Entity]) -> [SummarySentence] {
        summary(of: ArticleText(article), entities: entities)
    }

    /// The summary sentences of `text` (using its shared sentence split), in article order.
    public func summary(of text: ArticleText, entities: [Entity]) -> [SummarySentence] {
        let candidates = SummarySentences(text, entities: entities).sentences
        guard !candidates.isEmpty, sentenceCount > 0 else { return [] }
        let scores = candidates.map { Self.score($0.features) }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var chosen: [Int] = []
        // The distinct content words of each chosen sentence, sorted.
        var chosenWords: [[UInt64]] = []
        let body = text.bytes
        for index in order where chosen.count < sentenceCount {
            var words: [UInt64] = []
            body.withUnsafeBufferPointer { buffer in
                SummarySentences.forEachContentWord(buffer, candidates[index].bytes) { _, key in words.append(key) }
            }
            words.sort()
            words.removeDuplicates()
            if !words.isEmpty
                && chosenWords.contains(where: { Double(Self.sharedCount($0, words)) / Double(words.count) > 0.6 })
            {
                continue
            }
            chosen.append(index)
            chosenWords.append(words)
        }
        return chosen.sorted().map { index in
            let sentence = candidates[index]
            return SummarySentence(
                text: String(decoding: body[sentence.bytes], as: UTF8.self), start: sentence.scalars.lowerBound,
                end: sentence.scalars.upperBound, score: (scores[index] * 1000).rounded() / 1000)
        }
    }

    /// How many values two sorted arrays without repeats share.
    static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        return shared
    }

    /// The model's score of a feature vector.
    static func score(_ features: [Double]) -> Double {
        var total = 0.0
        for (x, w) in zip(features, SummaryWeights.weights) { total += x * w }
        return total
    }
}

extension Array where Element: Equatable {
    /// Removes repeats from a sorted array.
    fileprivate mutating func removeDuplicates() {
        guard count > 1 else { return }
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}

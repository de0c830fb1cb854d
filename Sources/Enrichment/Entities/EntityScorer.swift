/// Scores the tags of one token from its hashed features; the trained ``EntityModel`` and the
/// ``EntityTrainer``'s weights in training both are scorers, and share the greedy decoder below.
protocol EntityScorer {
    /// Writes the score of every tag (``EntityTag/count`` values) for the features to `scores`.
    ///
    /// - Parameters:
    ///   - features: The token's features, the text-only ones first.
    ///   - staticCount: How many are text-only (their scores may come from `cache` under `key`).
    ///   - count: How many there are in all.
    ///   - key: Identifies the token's text for the cache.
    ///   - cache: Scores of text-only features by word form, for scorers that do not change.
    ///   - scores: Receives one score per tag.
    func score(
        _ features: UnsafePointer<UInt64>,
        staticCount: Int,
        count: Int,
        key: UInt64,
        cache: ScoreCache,
        into scores: UnsafeMutablePointer<Float>
    )

    /// Learns from a mistake: `predicted` was chosen where `gold` was right.
    mutating func learn(_ features: UnsafePointer<UInt64>, _ count: Int, gold: EntityTag, predicted: EntityTag)

    /// Called once per training token, after any ``learn(_:_:gold:predicted:)``.
    mutating func tick()
}

extension EntityScorer {
    /// Tags the prepared document left to right, each token given the two tags chosen before it and
    /// the document's history, keeping to BILOU transitions; with `gold`, learns from each mistake.
    ///
    /// - Parameters:
    ///   - features: The document, prepared.
    ///   - tags: Receives one tag per token.
    ///   - cache: Text-only feature scores by word form (see ``score(_:staticCount:count:key:cache:into:)``).
    ///   - gold: The right tags, when training.
    mutating func decode(
        _ features: inout EntityFeatures,
        tags: inout [EntityTag],
        cache: ScoreCache,
        gold: UnsafeBufferPointer<EntityTag>? = nil
    ) {
        let featureBuffer = UnsafeMutablePointer<UInt64>.allocate(capacity: EntityFeatures.capacity)
        defer { featureBuffer.deallocate() }
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: EntityTag.count)
        defer { scores.deallocate() }
        let start = EntityTag(rawValue: EntityTag.count)
        var previous = EntityTag.outside
        var t1 = start
        var t2 = start
        for k in 0..<tags.count {
            if features.startsSentence(k) {
                t1 = start
                t2 = start
            }
            if gold == nil, !previous.isOpen, features.cannotStartEntity(k) {
                tags[k] = .outside
                previous = .outside
                t2 = t1
                t1 = .outside
                continue
            }
            let staticCount = features.staticFeatures(k, into: featureBuffer)
            let n =
                staticCount
                + features.contextFeatures(k, previous: t1, beforePrevious: t2, into: featureBuffer + staticCount)
            score(featureBuffer, staticCount: staticCount, count: n, key: features.staticKey(k), cache: cache, into: scores)
            let closes = features.endsLine(k)
            // The best tag that keeps to BILOU, and the best one that would if the open entity were
            // closed at the previous token (B → U, I → L): a wrong B must not drag on to the line end.
            let allowed = closes ? EntityTag.closing : ~UInt32(0)
            let following = EntityTag.followers[previous.rawValue] & allowed
            let starting = EntityTag.followers[0] & allowed
            var best = 0
            var bestScore = -Float.infinity
            var fresh = 0
            var freshScore = -Float.infinity
            for t in 0..<EntityTag.count {
                let s = scores[t]
                if s > bestScore, following >> UInt32(t) & 1 != 0 {
                    best = t
                    bestScore = s
                }
                if s > freshScore, starting >> UInt32(t) & 1 != 0 {
                    fresh = t
                    freshScore = s
                }
            }
            if previous.isOpen, freshScore > bestScore, k > 0 {
                let closed = EntityTag(previous.type!, previous.position == .begin ? .unit : .last)
                tags[k - 1] = closed
                previous = closed
                best = fresh
            }
            let chosen = EntityTag(rawValue: best)
            if let gold, gold[k] != chosen {
                learn(featureBuffer, n, gold: gold[k], predicted: chosen)
            }
            if gold != nil { tick() }
            tags[k] = chosen
            features.record(k, chosen)
            previous = chosen
            t2 = t1
            t1 = chosen
        }
    }
}

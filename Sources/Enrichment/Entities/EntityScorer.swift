/// Scores the tags of one token from its hashed features; the trained ``EntityModel`` and the
/// ``EntityTrainer``'s weights in training both are scorers, and share the greedy decoder below.
protocol EntityScorer {
    /// Writes the score of every tag (``EntityTag/count`` values) for the features to `scores`.
    func score(_ features: UnsafePointer<UInt64>, _ count: Int, into scores: UnsafeMutablePointer<Float>)

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
    ///   - gold: The right tags, when training.
    mutating func decode(
        _ features: inout EntityFeatures,
        tags: UnsafeMutableBufferPointer<EntityTag>,
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
            let n = features.features(k, previous: t1, beforePrevious: t2, into: featureBuffer)
            score(featureBuffer, n, into: scores)
            let closes = features.endsLine(k)
            var best = EntityTag.outside
            var bestScore = -Float.infinity
            for t in 0..<EntityTag.count {
                let tag = EntityTag(rawValue: t)
                guard scores[t] > bestScore, tag.canFollow(previous), !(closes && tag.isOpen) else { continue }
                best = tag
                bestScore = scores[t]
            }
            if let gold, gold[k] != best {
                learn(featureBuffer, n, gold: gold[k], predicted: best)
            }
            if gold != nil { tick() }
            tags[k] = best
            features.record(k, best)
            previous = best
            t2 = t1
            t1 = best
        }
    }
}

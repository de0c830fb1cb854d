/// Trains an ``EntityModel``: an averaged structured perceptron over the greedy BILOU decoder, the
/// documents shuffled each epoch by a seeded generator so that a run is reproducible.
public struct EntityTrainer {
    /// Passes over the training documents.
    public var epochs: Int
    /// Seeds the shuffle.
    public var seed: UInt64
    /// Features whose largest averaged weight is smaller are left out of the model.
    public var pruneThreshold: Float

    /// Creates a trainer.
    public init(epochs: Int = 10, seed: UInt64 = 20_261_125, pruneThreshold: Float = 0.02) {
        self.epochs = epochs
        self.seed = seed
        self.pruneThreshold = pruneThreshold
    }

    /// Trains on `documents` with `gazetteer`; `progress` is called after each epoch with its number
    /// and the model so far.
    public func train(
        _ documents: [TrainingDocument],
        gazetteer: Gazetteer,
        clusters: WordClusters = WordClusters(),
        progress: (Int, EntityModel) -> Void = { _, _ in }
    ) -> EntityModel {
        var weights = PerceptronWeights()
        var features = EntityFeatures()
        let unused = ScoreCache()
        var order = Array(documents.indices)
        var random = SplitMix64(seed: seed)
        var model = EntityModel(rows: [:], threshold: 1, gazetteer: gazetteer, clusters: clusters)
        for epoch in 1...max(1, epochs) {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            for d in order {
                let document = documents[d]
                var predicted = [EntityTag](repeating: .outside, count: document.tokens.count)
                document.text.withUnsafeBufferPointer { text in
                    document.tokens.withUnsafeBufferPointer { tokens in
                        features.prepare(text, tokens, gazetteer: gazetteer, clusters: clusters)
                    }
                }
                document.tags.withUnsafeBufferPointer { gold in
                    weights.decode(&features, tags: &predicted, cache: unused, gold: gold)
                }
            }
            model = EntityModel(
                rows: weights.averaged(), threshold: pruneThreshold, gazetteer: gazetteer, clusters: clusters)
            progress(epoch, model)
        }
        return model
    }
}

/// The perceptron's weights while training, with the sums needed for averaging.
struct PerceptronWeights: EntityScorer {
    private var index: [UInt64: Int] = [:]
    private var hashes: [UInt64] = []
    private var current: [Float] = []
    private var accumulated: [Double] = []
    /// Tokens seen so far (the averaging clock).
    private var step: Double = 1

    func score(
        _ features: UnsafePointer<UInt64>,
        staticCount: Int,
        count: Int,
        key: UInt64,
        cache: ScoreCache,
        into scores: UnsafeMutablePointer<Float>
    ) {
        for t in 0..<EntityTag.count { scores[t] = 0 }
        for f in 0..<count {
            guard let row = index[features[f]] else { continue }
            let base = row * EntityTag.count
            for t in 0..<EntityTag.count { scores[t] += current[base + t] }
        }
    }

    mutating func learn(_ features: UnsafePointer<UInt64>, _ count: Int, gold: EntityTag, predicted: EntityTag) {
        for f in 0..<count {
            let hash = features[f]
            let row: Int
            if let r = index[hash] {
                row = r
            } else {
                row = hashes.count
                index[hash] = row
                hashes.append(hash)
                current.append(contentsOf: repeatElement(0, count: EntityTag.count))
                accumulated.append(contentsOf: repeatElement(0, count: EntityTag.count))
            }
            let base = row * EntityTag.count
            current[base + gold.rawValue] += 1
            accumulated[base + gold.rawValue] += step
            current[base + predicted.rawValue] -= 1
            accumulated[base + predicted.rawValue] -= step
        }
    }

    mutating func tick() { step += 1 }

    /// The averaged weights per feature hash.
    func averaged() -> [UInt64: [Float]] {
        var rows: [UInt64: [Float]] = [:]
        rows.reserveCapacity(hashes.count)
        for (row, hash) in hashes.enumerated() {
            let base = row * EntityTag.count
            rows[hash] = (0..<EntityTag.count).map { Float(Double(current[base + $0]) - accumulated[base + $0] / step) }
        }
        return rows
    }
}

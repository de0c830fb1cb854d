#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Learns ``WordClusters`` from unlabelled text: each frequent word is described by the words seen
/// just before and after it (positive PMI, length-normalised), randomly projected to a dense vector,
/// and grouped by seeded k-means; the fine clusters' centroids are then grouped again for the middle
/// and coarse levels.
public struct ClusterBuilder {
    /// Words seen fewer times are not clustered.
    public var minimumCount = 5
    /// Context words (the most frequent ones) on each side.
    public var contexts = 2_000
    /// Dimensions of the projected vectors.
    static let dimensions = 256
    /// k-means passes.
    public var iterations = 12
    /// Seeds the projection and the initial centroids.
    public var seed: UInt64 = 20_261_125

    private var counts: [UInt64: Int] = [:]
    private var documents: [[UInt64]] = []

    /// Creates an empty builder.
    public init() {}

    /// Adds one unlabelled text.
    public mutating func add(_ text: String) {
        var text = text
        var words: [UInt64] = []
        text.withUTF8 { buffer in
            var tokens: [Token] = []
            Tokenizer.tokenize(buffer, into: &tokens)
            words.reserveCapacity(tokens.count)
            for token in tokens {
                words.append(FeatureHash.lowercased(buffer, Int(token.start), Int(token.end)))
            }
        }
        for w in words { counts[w, default: 0] += 1 }
        documents.append(words)
    }

    /// The number of tokens added.
    public var tokenCount: Int { documents.reduce(0) { $0 + $1.count } }

    /// Clusters the words.
    public func build() -> WordClusters {
        let ranked = counts.filter { $0.value >= minimumCount }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard ranked.count >= WordClusters.levels[0] else { return WordClusters() }
        var vocabulary: [UInt64: Int] = [:]
        for (i, (word, _)) in ranked.enumerated() { vocabulary[word] = i }
        let contextCount = min(contexts, ranked.count)
        // Co-occurrence counts with the context words, left and right.
        var cooccurrence = [[Int32: Float]](repeating: [:], count: ranked.count)
        var contextTotals = [Float](repeating: 0, count: 2 * contextCount)
        for words in documents {
            for k in words.indices {
                guard let w = vocabulary[words[k]] else { continue }
                if k > 0, let c = vocabulary[words[k - 1]], c < contextCount {
                    cooccurrence[w][Int32(c), default: 0] += 1
                    contextTotals[c] += 1
                }
                if k + 1 < words.count, let c = vocabulary[words[k + 1]], c < contextCount {
                    cooccurrence[w][Int32(contextCount + c), default: 0] += 1
                    contextTotals[contextCount + c] += 1
                }
            }
        }
        let total = contextTotals.reduce(0, +)
        // Random ±1 projection of the PPMI vectors.
        var random = SplitMix64(seed: seed)
        let d = Self.dimensions
        var projection = [Float](repeating: 0, count: 2 * contextCount * d)
        for i in projection.indices { projection[i] = random.next() & 1 == 0 ? -1 : 1 }
        var vectors = [Float](repeating: 0, count: ranked.count * d)
        for w in 0..<ranked.count {
            let row = cooccurrence[w]
            let wordTotal = row.values.reduce(0, +)
            guard wordTotal > 0 else { continue }
            for (c, n) in row.sorted(by: { $0.key < $1.key }) {
                let pmi = logf(n * total / (wordTotal * contextTotals[Int(c)]))
                guard pmi > 0 else { continue }
                let base = Int(c) * d
                for j in 0..<d { vectors[w * d + j] += pmi * projection[base + j] }
            }
            var norm: Float = 0
            for j in 0..<d { norm += vectors[w * d + j] * vectors[w * d + j] }
            norm = norm.squareRoot()
            if norm > 0 { for j in 0..<d { vectors[w * d + j] /= norm } }
        }
        let fine = Self.kMeans(vectors, count: ranked.count, k: WordClusters.levels[0], iterations: iterations, random: &random)
        let middle = Self.kMeans(fine.centroids, count: WordClusters.levels[0], k: WordClusters.levels[1], iterations: iterations, random: &random)
        let coarse = Self.kMeans(middle.centroids, count: WordClusters.levels[1], k: WordClusters.levels[2], iterations: iterations, random: &random)
        var table: [UInt64: (Int, Int, Int)] = [:]
        for (i, (word, _)) in ranked.enumerated() {
            let f = fine.assignment[i]
            let m = middle.assignment[f]
            table[word] = (f, m, coarse.assignment[m])
        }
        return WordClusters(table)
    }

    /// Seeded k-means with cosine-like squared distances on unit vectors.
    static func kMeans(
        _ vectors: [Float], count: Int, k: Int, iterations: Int, random: inout SplitMix64
    ) -> (assignment: [Int], centroids: [Float]) {
        let d = dimensions
        var centroids = [Float](repeating: 0, count: k * d)
        var picked = Set<Int>()
        while picked.count < min(k, count) { picked.insert(Int(random.next() % UInt64(count))) }
        for (c, i) in picked.sorted().enumerated() {
            for j in 0..<d { centroids[c * d + j] = vectors[i * d + j] }
        }
        var assignment = [Int](repeating: 0, count: count)
        for _ in 0..<iterations {
            vectors.withUnsafeBufferPointer { v in
                centroids.withUnsafeBufferPointer { cs in
                    var norms = [Float](repeating: 0, count: k)
                    for c in 0..<k { norms[c] = dot(cs.baseAddress! + c * d, cs.baseAddress! + c * d) }
                    for i in 0..<count {
                        var best = 0
                        var bestDistance = Float.infinity
                        let x = v.baseAddress! + i * d
                        for c in 0..<k {
                            let distance = norms[c] - 2 * dot(x, cs.baseAddress! + c * d)
                            if distance < bestDistance {
                                bestDistance = distance
                                best = c
                            }
                        }
                        assignment[i] = best
                    }
                }
            }
            var sums = [Float](repeating: 0, count: k * d)
            var sizes = [Int](repeating: 0, count: k)
            for i in 0..<count {
                let c = assignment[i]
                sizes[c] += 1
                for j in 0..<d { sums[c * d + j] += vectors[i * d + j] }
            }
            for c in 0..<k where sizes[c] > 0 {
                for j in 0..<d { centroids[c * d + j] = sums[c * d + j] / Float(sizes[c]) }
            }
        }
        return (assignment, centroids)
    }

    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> Float {
        var acc = SIMD16<Float>()
        let ra = UnsafeRawPointer(a)
        let rb = UnsafeRawPointer(b)
        for j in stride(from: 0, to: dimensions, by: 16) {
            acc += ra.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self)
                * rb.loadUnaligned(fromByteOffset: j * 4, as: SIMD16<Float>.self)
        }
        return acc.sum()
    }
}

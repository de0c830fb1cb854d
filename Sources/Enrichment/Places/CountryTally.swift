import Articles

/// Evidence for the countries of one article, and the countries and regions it names (the context
/// that resolves ambiguous place names).
struct CountryTally {
    private var scores: [String: (score: Double, count: Int)] = [:]
    /// Countries named outright: by name, demonym, region or dateline.
    var named: Set<String> = []
    /// Regions named, as ``PlaceGazetteer/Entry/regionKey``.
    var regions: Set<UInt64> = []
    /// Regions of cities resolved with confidence, as ``PlaceGazetteer/Entry/regionKey``.
    var cityRegions: Set<UInt64> = []

    /// Adds `weight` to `code`; `named` marks evidence that names the country outright, and
    /// `mention` whether it counts as one of the country's mentions (a currency does not).
    mutating func credit(_ code: String, _ weight: Double, named: Bool, mention: Bool = true) {
        scores[code, default: (0, 0)].score += weight
        if mention { scores[code, default: (0, 0)].count += 1 }
        if named { self.named.insert(code) }
    }

    /// The countries scoring at least `minimumShare` of the best, best first, scores scaled to 0–1.
    func ranked(minimumShare: Double, name: (String) -> String) -> [CountryScore] {
        guard let top = scores.values.map(\.score).max(), top > 0 else { return [] }
        return
            scores
            .filter { $0.value.score >= top * minimumShare }
            .sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
            .map { CountryScore(code: $0.key, name: name($0.key), score: ($0.value.score / top * 1000).rounded() / 1000, mentions: $0.value.count) }
    }
}

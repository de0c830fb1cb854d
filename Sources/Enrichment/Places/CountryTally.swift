import Articles

/// Evidence for the countries of one article, and the countries and regions it names (the context
/// that resolves ambiguous place names).
///
/// Countries are ISO 3166-1 alpha-2 codes, kept in flat arrays indexed by the two letters, so crediting
/// one hashes nothing.
struct CountryTally {
    private var scores = [Double](repeating: 0, count: 26 * 26)
    private var counts = [Int32](repeating: 0, count: 26 * 26)
    private var isNamed = [Bool](repeating: false, count: 26 * 26)
    /// Codes with evidence, in the order first credited.
    private var credited: [String] = []
    /// Regions named, as ``PlaceGazetteer/Entry/regionKey``.
    var regions: Set<UInt64> = []
    /// Regions of cities resolved with confidence, as ``PlaceGazetteer/Entry/regionKey``.
    var cityRegions: Set<UInt64> = []

    /// The slot of a two-letter upper-case code, else `nil`.
    private static func slot(_ code: String) -> Int? {
        var utf8 = code.utf8.makeIterator()
        guard let a = utf8.next(), let b = utf8.next(), utf8.next() == nil, a &- 65 < 26, b &- 65 < 26 else { return nil }
        return Int(a &- 65) * 26 + Int(b &- 65)
    }

    /// Adds `weight` to `code`; `named` marks evidence that names the country outright, and
    /// `mention` whether it counts as one of the country's mentions (a currency does not).
    mutating func credit(_ code: String, _ weight: Double, named: Bool, mention: Bool = true) {
        guard let slot = Self.slot(code) else { return }
        if scores[slot] == 0 && counts[slot] == 0 { credited.append(code) }
        scores[slot] += weight
        if mention { counts[slot] += 1 }
        if named { isNamed[slot] = true }
    }

    /// Marks `code` as named outright (by a region, the dateline or a location) without evidence.
    mutating func name(_ code: String) {
        if let slot = Self.slot(code) { isNamed[slot] = true }
    }

    /// The evidence credited to `code` so far.
    func score(_ code: String) -> Double {
        Self.slot(code).map { scores[$0] } ?? 0
    }

    /// Whether the article names `code` outright.
    func names(_ code: String) -> Bool {
        Self.slot(code).map { isNamed[$0] } ?? false
    }

    /// The countries scoring at least `minimumShare` of the best, best first, scores scaled to 0–1. Besides
    /// the best, a country mentioned only once (`talks with the U.S.`) is a passing mention, kept only when
    /// it scores at least `passingShare` of the best.
    func ranked(minimumShare: Double, passingShare: Double, name: (String) -> String) -> [CountryScore] {
        let entries = credited.map { code in (code: code, score: scores[Self.slot(code)!], count: Int(counts[Self.slot(code)!])) }
        guard let best = entries.max(by: { ($0.score, $1.code) < ($1.score, $0.code) }), best.score > 0 else { return [] }
        let top = best.score
        return
            entries
            .filter { $0.code == best.code || $0.score >= top * minimumShare && ($0.count >= 2 || $0.score >= top * passingShare) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.code < $1.code }
            .map { CountryScore(code: $0.code, name: name($0.code), score: ($0.score / top * 1000).rounded() / 1000, mentions: $0.count) }
    }
}

/// A country an article is about, with how strongly the article points to it.
public struct CountryScore: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 (`GB`, not `UK`).
    public var code: String
    /// The country's name.
    public var name: String
    /// Relevance, 0–1 (1 for the article's main country).
    public var score: Double
    /// How many pieces of evidence point to it: place mentions, demonyms, institutions, the dateline.
    public var mentions: Int

    /// Creates a country score.
    public init(code: String, name: String, score: Double, mentions: Int) {
        self.code = code
        self.name = name
        self.score = score
        self.mentions = mentions
    }
}

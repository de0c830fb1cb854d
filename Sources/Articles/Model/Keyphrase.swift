/// A phrase that describes what an article is about.
public struct Keyphrase: Sendable, Hashable {
    /// The phrase as first written in the body.
    public var text: String
    /// Relevance, 0–1 (1 for the best phrase).
    public var score: Double
    /// How many times the phrase occurs in the body.
    public var count: Int

    /// Creates a keyphrase.
    public init(text: String, score: Double, count: Int) {
        self.text = text
        self.score = score
        self.count = count
    }
}

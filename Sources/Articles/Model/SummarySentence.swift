/// One sentence of the extractive summary.
public struct SummarySentence: Sendable, Hashable {
    /// The sentence as it stands in the body.
    public var text: String
    /// The first code point of the sentence in the body.
    public var start: Int
    /// One past the last code point.
    public var end: Int
    /// The model's score (higher = more summary-worthy).
    public var score: Double

    /// Creates a summary sentence.
    public init(text: String, start: Int, end: Int, score: Double) {
        self.text = text
        self.start = start
        self.end = end
        self.score = score
    }
}

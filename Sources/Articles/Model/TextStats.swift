/// Size and reading-time figures for an article body.
public struct TextStats: Sendable, Hashable {
    /// Unicode scalars (code points) in the body.
    public var characters: Int
    /// Words (runs of letters or digits, with inner apostrophes and hyphens).
    public var words: Int
    /// Sentences.
    public var sentences: Int
    /// Paragraphs (blocks separated by blank lines).
    public var paragraphs: Int
    /// Estimated reading time at 238 words per minute, at least 1 second for a non-empty body.
    public var readingTimeSeconds: Int

    /// Creates figures.
    public init(characters: Int, words: Int, sentences: Int, paragraphs: Int, readingTimeSeconds: Int) {
        self.characters = characters
        self.words = words
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.readingTimeSeconds = readingTimeSeconds
    }
}

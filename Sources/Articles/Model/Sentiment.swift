/// The tone of an article, and of the sentences about each entity.
public struct Sentiment: Sendable, Hashable {
    /// The tone of the sentences that mention one entity.
    public struct EntityTone: Sendable, Hashable {
        /// The entity's canonical name.
        public var name: String
        /// `PER`, `ORG`, `LOC` or `MISC`.
        public var type: String
        /// Mean sentence score, −1…1.
        public var score: Double
        /// `positive`, `negative` or `neutral`.
        public var label: String
        /// How many sentences mention the entity.
        public var sentences: Int

        /// Creates an entity tone.
        public init(name: String, type: String, score: Double, label: String, sentences: Int) {
            self.name = name
            self.type = type
            self.score = score
            self.label = label
            self.sentences = sentences
        }
    }

    /// Mean sentence score, −1…1 (does not saturate on long articles).
    public var score: Double
    /// `positive`, `negative` or `neutral`.
    public var label: String
    /// Per cent of words that are positive.
    public var positive: Double
    /// Per cent of words that are negative.
    public var negative: Double
    /// `positive − negative` (GDELT's tone).
    public var tone: Double
    /// `positive + negative`: the share of emotional words, in per cent (GDELT's polarity).
    public var polarity: Double
    /// Words counted.
    public var words: Int
    /// Per-entity tone, most mentioned entity first.
    public var entities: [EntityTone]

    /// Creates a sentiment result.
    public init(
        score: Double, label: String, positive: Double, negative: Double, tone: Double, polarity: Double, words: Int,
        entities: [EntityTone]
    ) {
        self.score = score
        self.label = label
        self.positive = positive
        self.negative = negative
        self.tone = tone
        self.polarity = polarity
        self.words = words
        self.entities = entities
    }
}

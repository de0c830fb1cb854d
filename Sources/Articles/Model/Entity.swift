/// A named entity of an article: one person, organisation, location or other name, with every
/// mention of it in the body.
public struct Entity: Sendable, Hashable {
    /// One place in the body where the entity is named.
    public struct Mention: Sendable, Hashable {
        /// The first code point (Unicode scalar) of the mention in the body.
        public var start: Int
        /// One past the last code point.
        public var end: Int
        /// The text as written.
        public var text: String

        /// Creates a mention.
        public init(start: Int, end: Int, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }
    }

    /// The canonical name: the fullest form the article uses (`John Kerry` for `Kerry`).
    public var name: String
    /// `PER`, `ORG`, `LOC` or `MISC`.
    public var type: String
    /// How central the entity is to the article, 0–1 (1 for the most salient).
    public var salience: Double
    /// The mentions, in body order.
    public var mentions: [Mention]

    /// Creates an entity.
    public init(name: String, type: String, salience: Double, mentions: [Mention]) {
        self.name = name
        self.type = type
        self.salience = salience
        self.mentions = mentions
    }
}

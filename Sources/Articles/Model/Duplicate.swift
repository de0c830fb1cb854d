/// A recent article this one nearly duplicates.
public struct Duplicate: Sendable, Hashable {
    /// The id of the earlier article.
    public var id: String
    /// Estimated Jaccard similarity of the two bodies, 0–1.
    public var similarity: Double

    /// Creates a duplicate reference.
    public init(id: String, similarity: Double) {
        self.id = id
        self.similarity = similarity
    }
}

/// A block of the input left out of the article body, kept for auditing.
public struct RemovedBlock: Sendable, Hashable {
    /// Why it was removed: `caption`, `teaser`, `filename`, `video`, `read_more`, `navigation`, `credit`,
    /// `duplicate`, `byline`, `contributors`, `highlights_marker`, `title`, `header`, `embed` (an embedded
    /// post's signature line), `timestamp` (a date line at the edge of a page), `boilerplate` (other page
    /// furniture inside the content).
    public var kind: String
    /// The removed text.
    public var text: String

    /// Creates a removed block.
    public init(kind: String, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Turns an ``Envelope`` into an ``Article``.
public protocol ArticleParser: Sendable {
    /// Parses the envelope's content.
    ///
    /// - Parameter envelope: The decoded input.
    /// - Throws: ``ParseError`` when no article can be recovered.
    func parse(_ envelope: Envelope) throws(ParseError) -> Article
}

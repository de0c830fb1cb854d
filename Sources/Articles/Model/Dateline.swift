/// The dateline that opened an article (`Moscow CNN —`, `LONDON (Reuters) -`, `(CNN)`).
public struct Dateline: Sendable, Hashable {
    /// The place, as written (`Moscow`, `LONDON`).
    public var location: String?
    /// The news agency, without parentheses (`CNN`, `Reuters`).
    public var agency: String?
    /// The dateline text as found, trimmed.
    public var text: String

    /// Creates a dateline.
    public init(location: String? = nil, agency: String? = nil, text: String) {
        self.location = location
        self.agency = agency
        self.text = text
    }
}

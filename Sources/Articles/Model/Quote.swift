/// Words attributed to a speaker: a direct quotation, or an indirect one (`X said that ...`).
public struct Quote: Sendable, Hashable {
    /// Whether the words were quoted verbatim.
    public enum Kind: String, Sendable, Hashable {
        /// Between quotation marks.
        case direct
        /// Reported speech: the clause after `X said (that)`, or before `..., X said.`.
        case indirect
    }

    /// Direct or indirect.
    public var kind: Kind
    /// The quoted words (without the quotation marks).
    public var text: String
    /// The first code point of the quoted words in the body.
    public var start: Int
    /// One past the last code point.
    public var end: Int
    /// Who said it: an entity's canonical name, or the attribution as written (`a witness`); `nil` when unattributed.
    public var speaker: String?
    /// The speaker's entity type (`PER`, `ORG`) when the speaker is an entity.
    public var speakerType: String?
    /// The speaker's role or title as stated (`Ministry spokesman`).
    public var role: String?
    /// The attribution verb as written (`said`, `told`).
    public var verb: String?

    /// Creates a quote.
    public init(
        kind: Kind, text: String, start: Int, end: Int, speaker: String? = nil, speakerType: String? = nil,
        role: String? = nil, verb: String? = nil
    ) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.speaker = speaker
        self.speakerType = speakerType
        self.role = role
        self.verb = verb
    }
}

/// One language detector answer.
public struct LanguageGuess: Sendable, Hashable {
    /// The language code (ISO 639-1 where one exists).
    public var code: String
    /// Whether the detector judged its top language clearly ahead of the runner-up.
    public var isReliable: Bool
    /// The share (0–100) of the scored text in this language.
    public var percent: Int
    /// How many bytes of letters were scored.
    public var letterBytes: Int

    /// Creates a guess.
    public init(code: String, isReliable: Bool, percent: Int, letterBytes: Int) {
        self.code = code
        self.isReliable = isReliable
        self.percent = percent
        self.letterBytes = letterBytes
    }
}

/// One token of a text: a byte range into its UTF-8 bytes plus what the tokenizer saw.
public struct Token: Sendable, Equatable {
    /// The first byte.
    public var start: Int32
    /// One past the last byte.
    public var end: Int32
    /// ``Token/Flags`` bits.
    public var flags: Flags

    /// What a token is and where it stands.
    public struct Flags: OptionSet, Sendable, Equatable {
        public var rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The first token of a sentence.
        public static let sentenceStart = Flags(rawValue: 1 << 0)
        /// The first token of a line.
        public static let lineStart = Flags(rawValue: 1 << 1)
        /// Starts with an upper-case letter.
        public static let capitalized = Flags(rawValue: 1 << 2)
        /// Has letters, all upper case.
        public static let allCaps = Flags(rawValue: 1 << 3)
        /// Holds a digit.
        public static let hasDigit = Flags(rawValue: 1 << 4)
        /// Holds no letter or digit (punctuation, symbols).
        public static let punctuation = Flags(rawValue: 1 << 5)
        /// On a line whose letters are all upper case (headlines, datelines, tables).
        public static let inCapsLine = Flags(rawValue: 1 << 6)
    }

    /// Creates a token.
    public init(start: Int, end: Int, flags: Flags = []) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.flags = flags
    }

    /// The byte range.
    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// A JSON text that ``JSONReader`` rejected.
///
/// The description names the problem and the byte offset where it was found.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable snake_case string.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable snake_case name.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The input ended inside a value.
        public static let unexpectedEnd = Code("unexpected_end")
        /// A byte that cannot start or continue a value here.
        public static let unexpectedByte = Code("unexpected_byte")
        /// A byte sequence that is not valid UTF-8.
        public static let invalidUTF8 = Code("invalid_utf8")
        /// A malformed `\` escape in a string.
        public static let invalidEscape = Code("invalid_escape")
        /// A number that breaks the JSON grammar or does not fit a `Double`.
        public static let invalidNumber = Code("invalid_number")
        /// An unescaped control character (below U+0020) in a string.
        public static let controlCharacter = Code("control_character")
        /// Arrays and objects nested deeper than allowed.
        public static let tooDeep = Code("too_deep")
        /// Non-whitespace after the top-level value.
        public static let trailingData = Code("trailing_data")
        /// No value at all (empty or whitespace-only input).
        public static let empty = Code("empty")
    }

    /// What went wrong.
    public var code: Code
    /// The byte offset in the input where the problem was found.
    public var offset: Int

    /// Creates an error.
    public init(code: Code, offset: Int) {
        self.code = code
        self.offset = offset
    }

    public var description: String { "JSON parse failed: \(code) at byte \(offset)" }
}

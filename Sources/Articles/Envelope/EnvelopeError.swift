/// A payload that could not be decoded into an ``Envelope``.
///
/// `code.rawValue` is stable and meant for metrics labels and dead-letter `reason` fields.
public struct EnvelopeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable snake_case string.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable snake_case name.
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The payload is empty or whitespace only.
        public static let empty = Code("empty")
        /// The payload is larger than ``EnvelopeLimits/maxBytes``.
        public static let tooLarge = Code("too_large")
        /// The payload is not valid UTF-8.
        public static let invalidUTF8 = Code("invalid_utf8")
        /// The payload contains NUL or mostly control bytes.
        public static let binary = Code("binary")
        /// The payload starts like JSON but is not valid JSON.
        public static let invalidJSON = Code("invalid_json")
        /// The payload is a JSON value other than an object.
        public static let notAnObject = Code("not_an_object")
        /// A known field has the wrong JSON type.
        public static let wrongType = Code("wrong_type")
        /// None of `text`, `html`, `body` is present.
        public static let missingContent = Code("missing_content")
        /// More than one of `text`, `html`, `body` is present.
        public static let conflictingContent = Code("conflicting_content")
    }

    /// What went wrong.
    public var code: Code
    /// The envelope field concerned, if any.
    public var field: String?
    /// A human-readable explanation.
    public var detail: String
    /// The envelope `id`, when the payload was readable far enough to find it.
    public var envelopeID: String?

    /// Creates an error.
    public init(code: Code, field: String? = nil, detail: String, envelopeID: String? = nil) {
        self.code = code
        self.field = field
        self.detail = detail
        self.envelopeID = envelopeID
    }

    public var description: String {
        if let field { return "envelope decode failed: \(code) (field \(field)): \(detail)" }
        return "envelope decode failed: \(code): \(detail)"
    }
}

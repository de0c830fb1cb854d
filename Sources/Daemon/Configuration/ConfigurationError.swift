/// A configuration that cannot be used: unknown keys, wrong types or values out of range.
///
/// The description lists every problem, each naming the key and where it came from.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// What kind of configuration failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalid, unreadableFile
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// One or more keys are unknown or have invalid values.
        public static let invalid = Code(.invalid)
        /// The configuration file could not be read or parsed.
        public static let unreadableFile = Code(.unreadableFile)

        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// The failure kind.
    public var code: Code
    /// One line per problem, each naming its key.
    public var problems: [String]

    /// Creates an error from its problems.
    public init(code: Code, problems: [String]) {
        self.code = code
        self.problems = problems
    }

    /// Every problem, one per line.
    public var description: String {
        "invalid configuration (\(code)):\n" + problems.map { "  - " + $0 }.joined(separator: "\n")
    }
}

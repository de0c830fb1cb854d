/// A model file that cannot be read.
public struct EntityModelError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The file does not start with the model magic.
        public static let badMagic = Code(name: "bad_magic")
        /// The file was written for another tag set.
        public static let tagCount = Code(name: "tag_count")
        /// The file is shorter or longer than its header says.
        public static let truncated = Code(name: "truncated")
        public var description: String { name }
    }

    /// What is wrong.
    public let code: Code

    init(_ code: Code) { self.code = code }

    public var description: String { "entity model: \(code)" }
}

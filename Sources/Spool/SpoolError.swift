/// An error from the disk spool: the journal could not be opened, is used by another process, or SQLite
/// reported a failure.
public struct SpoolError: Error, CustomStringConvertible, Sendable {
    /// A stable category of ``SpoolError``.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case openFailed, locked, storage, corrupt, closed
        }
        let backing: Backing

        /// The journal file could not be created or opened (missing directory, permissions, not a database).
        public static let openFailed = Code(backing: .openFailed)
        /// Another process holds the journal; two workers must not share one spool.
        public static let locked = Code(backing: .locked)
        /// A read, write or commit failed (disk full, I/O error).
        public static let storage = Code(backing: .storage)
        /// A stored record could not be decoded.
        public static let corrupt = Code(backing: .corrupt)
        /// The spool was closed before the operation completed.
        public static let closed = Code(backing: .closed)

        /// The name of the code, e.g. `locked`.
        public var description: String { backing.rawValue }
    }

    /// The category of the error.
    public var code: Code
    /// The operation that failed, e.g. `commit`.
    public var operation: String
    /// SQLite's result code, or `0` when the error did not come from SQLite.
    public var result: Int32
    /// SQLite's message or an explanation.
    public var reason: String

    /// Creates an error.
    public init(code: Code, operation: String, result: Int32 = 0, reason: String) {
        self.code = code
        self.operation = operation
        self.result = result
        self.reason = reason
    }

    /// `spool operation failed: reason (SQLite result N, code)`.
    public var description: String {
        let number = result == 0 ? "" : "SQLite result \(result), "
        return "spool \(operation) failed: \(reason) (\(number)\(code))"
    }
}

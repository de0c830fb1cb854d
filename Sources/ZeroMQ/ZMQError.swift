/// An error reported by libzmq or by this wrapper.
///
/// The ``code`` is a struct over a hidden enumeration so that cases can be added without breaking
/// callers; match it with `==` against the static members. The ``description`` names the libzmq
/// operation, the input that failed (endpoint, option, socket name) and the C error text.
public struct ZMQError: Error, CustomStringConvertible, Sendable {
    /// A stable category of ``ZMQError``.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case contextTerminated
            case invalidEndpoint
            case addressInUse
            case invalidOption
            case invalidState
            case messageTooLarge
            case closed
            case setupFailed
            case invalidKey
            case system
        }

        let backing: Backing

        /// The context was shut down or terminated (`ETERM`); the socket must be closed.
        public static let contextTerminated = Code(backing: .contextTerminated)
        /// The endpoint could not be parsed, uses an unsupported transport, or names an unknown address.
        public static let invalidEndpoint = Code(backing: .invalidEndpoint)
        /// The endpoint is already bound by this or another process (`EADDRINUSE`).
        public static let addressInUse = Code(backing: .addressInUse)
        /// The option or its value was rejected (`EINVAL` from `zmq_setsockopt`/`zmq_getsockopt`).
        public static let invalidOption = Code(backing: .invalidOption)
        /// The socket is in the wrong state for the operation (`EFSM`, e.g. REQ sending twice).
        public static let invalidState = Code(backing: .invalidState)
        /// The message exceeds a size limit (`EMSGSIZE`).
        public static let messageTooLarge = Code(backing: .messageTooLarge)
        /// The channel or I/O thread was closed before the operation completed.
        public static let closed = Code(backing: .closed)
        /// Creating a context, socket, monitor, wake-up pipe or thread failed.
        public static let setupFailed = Code(backing: .setupFailed)
        /// A CURVE key is not 40 Z85 characters (32 bytes), or libzmq cannot use it.
        public static let invalidKey = Code(backing: .invalidKey)
        /// Any other operating-system or libzmq error; see ``ZMQError/errno``.
        public static let system = Code(backing: .system)

        /// The name of the code, e.g. `addressInUse`.
        public var description: String { backing.rawValue }
    }

    /// The category of the error.
    public var code: Code
    /// The `errno` reported by libzmq, or `0` when the error did not come from libzmq.
    public var errno: Int32
    /// The libzmq function or wrapper operation that failed, e.g. `zmq_bind`.
    public var operation: String
    /// The input involved: endpoint, option, socket name; `nil` when there is none.
    public var detail: String?
    /// The C error text (`zmq_strerror`) or a wrapper explanation.
    public var reason: String
    /// The source file (`#fileID`) that raised the error.
    public var file: String
    /// The source line that raised the error.
    public var line: Int

    /// Creates an error; normally only the wrapper does this.
    ///
    /// - Parameters:
    ///   - code: The category.
    ///   - errno: The libzmq `errno`, or `0`.
    ///   - operation: The operation that failed.
    ///   - detail: The endpoint, option or socket involved.
    ///   - reason: Human-readable cause.
    public init(
        code: Code,
        errno: Int32 = 0,
        operation: String,
        detail: String? = nil,
        reason: String,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.errno = errno
        self.operation = operation
        self.detail = detail
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// `operation(detail) failed: reason (errno N, code) at file:line`.
    public var description: String {
        let input = detail.map { "(\($0))" } ?? ""
        let number = errno == 0 ? "" : "errno \(errno), "
        return "\(operation)\(input) failed: \(reason) (\(number)\(code)) at \(file):\(line)"
    }

    /// A `.closed` error for `operation`.
    static func closed(_ operation: String, detail: String? = nil, file: String = #fileID, line: Int = #line)
        -> ZMQError
    {
        ZMQError(code: .closed, operation: operation, detail: detail, reason: "closed", file: file, line: line)
    }

    /// The same error with `prefix` (e.g. the socket name) put in front of the detail.
    func adding(detail prefix: String) -> ZMQError {
        var copy = self
        copy.detail = detail.map { "\(prefix), \($0)" } ?? prefix
        return copy
    }
}

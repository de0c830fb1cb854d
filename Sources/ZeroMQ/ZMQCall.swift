internal import CZeroMQ

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The outcome of a libzmq call that may legitimately not complete now.
enum ZMQCallResult<Value> {
    /// The call completed with this value.
    case done(Value)
    /// The call would have blocked (`EAGAIN`): not an error, try again later.
    case wouldBlock
}

/// The single place where libzmq return codes are interpreted (compare swift-nio `NIOPosix/System.swift`).
///
/// - `EINTR` is retried.
/// - `EAGAIN` becomes ``ZMQCallResult/wouldBlock``.
/// - `ETERM` becomes ``ZMQError/Code/contextTerminated``.
/// - `ENOTSOCK` and `EFAULT` can only be programmer errors (a closed or invalid handle) and stop the process.
/// - Everything else throws a ``ZMQError`` naming the operation and the input.
enum ZMQCall {
    /// Runs `body`, which returns an `int` where `-1` means failure.
    ///
    /// - Parameters:
    ///   - operation: The libzmq function name, e.g. `zmq_bind`.
    ///   - detail: The input (endpoint, option) for error messages.
    ///   - invalidArgument: The code to use for `EINVAL`.
    @discardableResult
    static func run(
        _ operation: String,
        detail: @autoclosure () -> String? = nil,
        invalidArgument: ZMQError.Code = .system,
        file: String = #fileID,
        line: Int = #line,
        _ body: () -> Int32
    ) throws(ZMQError) -> ZMQCallResult<Int32> {
        while true {
            let result = body()
            if result != -1 {
                return .done(result)
            }
            let err = zmq_errno()
            switch err {
            case EINTR:
                continue
            case EAGAIN:
                return .wouldBlock
            default:
                throw error(operation, errno: err, detail: detail(), invalidArgument: invalidArgument, file, line)
            }
        }
    }

    /// Runs `body`, which returns a pointer where `NULL` means failure (`zmq_socket`, `zmq_ctx_new`).
    static func pointer(
        _ operation: String,
        detail: @autoclosure () -> String? = nil,
        file: String = #fileID,
        line: Int = #line,
        _ body: () -> UnsafeMutableRawPointer?
    ) throws(ZMQError) -> UnsafeMutableRawPointer {
        while true {
            if let pointer = body() {
                return pointer
            }
            let err = zmq_errno()
            if err == EINTR {
                continue
            }
            throw error(operation, errno: err, detail: detail(), invalidArgument: .setupFailed, file, line)
        }
    }

    /// Maps `errno` to a ``ZMQError``, stopping on codes that only a programming mistake produces.
    static func error(
        _ operation: String,
        errno err: Int32,
        detail: String?,
        invalidArgument: ZMQError.Code,
        _ file: String,
        _ line: Int
    ) -> ZMQError {
        let reason = String(cString: zmq_strerror(err))
        precondition(
            err != ENOTSOCK && err != EFAULT,
            "\(operation)(\(detail ?? "")): \(reason) — invalid socket/context handle (programmer error)"
        )
        let code: ZMQError.Code
        switch err {
        case ETERM:
            code = .contextTerminated
        case EADDRINUSE:
            code = .addressInUse
        case EPROTONOSUPPORT, ENOCOMPATPROTO, EADDRNOTAVAIL, ENODEV:
            code = .invalidEndpoint
        case EINVAL:
            code = invalidArgument
        case EFSM:
            code = .invalidState
        case EMSGSIZE:
            code = .messageTooLarge
        case EMFILE, ENFILE, ENOMEM:
            code = .setupFailed
        default:
            code = .system
        }
        return ZMQError(
            code: code,
            errno: err,
            operation: operation,
            detail: detail,
            reason: reason,
            file: file,
            line: line
        )
    }
}

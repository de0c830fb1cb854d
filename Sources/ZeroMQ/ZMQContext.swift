internal import CZeroMQ

/// A libzmq context: the container for sockets and libzmq's own background I/O threads.
///
/// A context is thread-safe. Every ``ZMQSocket`` and ``IOThread`` keeps its context alive, so the
/// context is terminated (`zmq_ctx_term`, in `deinit`) only after all of its sockets were closed;
/// because every socket of this module has a bounded `ZMQ_LINGER`, termination never hangs.
public final class ZMQContext: Sendable {
    /// The `void *` returned by `zmq_ctx_new`; libzmq contexts may be used from any thread.
    nonisolated(unsafe) let handle: UnsafeMutableRawPointer

    /// Creates a context.
    ///
    /// - Parameter ioThreads: The number of libzmq background I/O threads (`ZMQ_IO_THREADS`), at least 1.
    /// - Throws: ``ZMQError`` with code `.setupFailed` if libzmq cannot create the context.
    public init(ioThreads: Int = 1) throws {
        let handle = try ZMQCall.pointer("zmq_ctx_new") { zmq_ctx_new() }
        do {
            try ZMQCall.run("zmq_ctx_set", detail: "ZMQ_IO_THREADS=\(ioThreads)", invalidArgument: .invalidOption) {
                zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(clamping: max(1, ioThreads)))
            }
        } catch {
            _ = zmq_ctx_term(handle)
            throw error
        }
        self.handle = handle
    }

    /// Shuts the context down (`zmq_ctx_shutdown`).
    ///
    /// Every blocking call on a socket of this context returns with `.contextTerminated`, and every
    /// later operation on its sockets fails the same way. Sockets must still be closed (they close
    /// themselves when dropped). Calling it more than once is harmless.
    public func shutdown() {
        _ = zmq_ctx_shutdown(handle)
    }

    deinit {
        while zmq_ctx_term(handle) == -1 && zmq_errno() == EINTR {}
    }

    /// The version of the libzmq library loaded at run time.
    public static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }

    /// Whether libzmq was built with `capability` (`zmq_has`), e.g. `"curve"`, `"ipc"`, `"draft"`.
    ///
    /// - Parameter capability: The capability name as understood by `zmq_has`.
    public static func has(_ capability: String) -> Bool {
        zmq_has(capability) != 0
    }
}

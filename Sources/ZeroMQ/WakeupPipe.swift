#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A non-blocking pipe whose read end sits in the I/O thread's `zmq_poll` set, so other threads can wake it.
///
/// Writes coalesce: one pending byte is enough to wake the poller, and ``drain()`` empties the pipe.
/// The descriptors are closed in `deinit`, i.e. only when no channel can write to them any more.
final class WakeupPipe: Sendable {
    /// The end polled by the I/O thread.
    let readDescriptor: Int32
    /// The end written by ``wake()``.
    let writeDescriptor: Int32

    /// Creates the pipe (`FD_CLOEXEC` and `O_NONBLOCK` on both ends).
    init() throws(ZMQError) {
        var descriptors: [Int32] = [-1, -1]
        var rc = pipe(&descriptors)
        if rc == 0 {
            for fd in descriptors where fcntl(fd, F_SETFD, FD_CLOEXEC) == -1 || fcntl(fd, F_SETFL, O_NONBLOCK) == -1 {
                rc = -1
            }
        }
        guard rc == 0 else {
            let err = errno
            throw ZMQError(
                code: .setupFailed,
                errno: err,
                operation: "pipe",
                detail: "I/O thread wake-up pipe",
                reason: String(cString: strerror(err))
            )
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Makes the read end readable; a full pipe (`EAGAIN`) already is, so that is not an error.
    func wake() {
        var byte: UInt8 = 1
        while write(writeDescriptor, &byte, 1) == -1 && errno == EINTR {}
    }

    /// Empties the pipe after the poller saw it readable.
    func drain() {
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while true {
            let n = withUnsafeMutableBytes(of: &buffer) { read(readDescriptor, $0.baseAddress, $0.count) }
            if n > 0 || (n == -1 && errno == EINTR) { continue }
            return
        }
    }
}

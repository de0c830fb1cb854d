import Dispatch
import Glibc

/// SIGTERM, SIGINT and SIGHUP as an async sequence, independent of which thread the kernel picks.
///
/// A minimal `sigaction` handler writes the signal number to a pipe (the self-pipe pattern, only
/// async-signal-safe calls); a Dispatch read source turns the pipe into an `AsyncStream`. This
/// does not depend on every thread blocking the signals, so a SIGTERM that lands on the main
/// thread or on a library's thread is never lost. There is one set of handlers per process.
public final class ShutdownSignals: Sendable {
    /// The signals delivered: `SIGTERM`, `SIGINT`, `SIGHUP`.
    public let signals: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation
    // Only cancelled (thread-safe in Dispatch) after init.
    nonisolated(unsafe) private let source: any DispatchSourceRead

    /// Installs the handlers. Call once per process, before the service group runs.
    public init() {
        var fds: [Int32] = [-1, -1]
        precondition(pipe(&fds) == 0, "pipe failed: errno \(errno)")
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        signalPipeWriteEnd = fds[1]
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(16))
        self.signals = stream
        self.continuation = continuation
        let readEnd = fds[0]
        let source = DispatchSource.makeReadSource(
            fileDescriptor: readEnd, queue: DispatchQueue(label: "enrichd.signals"))
        source.setEventHandler {
            var bytes = [UInt8](repeating: 0, count: 16)
            let count = bytes.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            for index in 0..<max(count, 0) { continuation.yield(Int32(bytes[index])) }
        }
        // The read end stays open for the life of the process: a late signal must find a reader
        // (a write to a pipe without one would raise SIGPIPE).
        source.resume()
        self.source = source
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                let saved = errno
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteEnd, &byte, 1)
                errno = saved
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // Undo any inherited blocking so the handler can run on whichever thread the kernel picks.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Ends the sequence; later signals are still caught (and ignored).
    public func finish() {
        continuation.finish()
        source.cancel()
    }

    /// The signal's conventional name.
    public static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        default: "signal \(signal)"
        }
    }
}

/// The pipe the signal handler writes to; set once before the handlers are installed.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

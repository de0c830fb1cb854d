import Synchronization

/// Process-wide flags and progress counters shared by the daemon's services.
///
/// Written by the pipeline and ingress, read by the HTTP endpoints and the systemd reporter.
public final class DaemonState: Sendable {
    private let draining = Atomic<Bool>(false)
    private let socketsUp = Atomic<Bool>(false)
    private let httpUp = Latch()
    /// Messages currently being decoded, parsed, enriched or encoded (not waiting for output).
    let processing = Atomic<Int>(0)
    /// Messages finished processing since start (progress for the watchdog).
    let processed = Atomic<UInt64>(0)
    /// Messages that ended as output, dead letter or loss.
    let finished = Atomic<UInt64>(0)
    /// Messages taken from the input bridge.
    let accepted = Atomic<UInt64>(0)

    /// Creates the initial state: not ready, not draining.
    public init() {}

    /// True once the sockets are open and until draining starts.
    public var isReady: Bool {
        socketsUp.load(ordering: .acquiring) && !draining.load(ordering: .acquiring)
    }

    /// True once SIGTERM/SIGINT started the drain.
    public var isDraining: Bool { draining.load(ordering: .acquiring) }

    /// Records that all sockets are set up.
    func markSocketsUp() { socketsUp.store(true, ordering: .releasing) }

    /// Records that the HTTP endpoint listens.
    func markHTTPListening() { httpUp.open() }

    /// Waits until the HTTP endpoint listens.
    func waitForHTTP() async { await httpUp.wait() }

    /// Starts the drain; returns false if it had already started.
    func beginDrain() -> Bool {
        !draining.exchange(true, ordering: .acquiringAndReleasing)
    }
}

/// A one-shot event async code can wait for.
final class Latch: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

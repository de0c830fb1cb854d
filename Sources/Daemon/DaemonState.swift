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

    private let flushed = Atomic<Bool>(false)

    /// True once the output flush at shutdown ended before its linger expired: libzmq sent everything.
    public var outputFlushed: Bool { flushed.load(ordering: .acquiring) }

    /// Records that the output flush finished early.
    func markOutputFlushed() { flushed.store(true, ordering: .releasing) }

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

    private let drainStart = Mutex<ContinuousClock.Instant?>(nil)

    /// Starts the drain; returns false if it had already started.
    func beginDrain() -> Bool {
        drainStart.withLock { start in
            if start == nil { start = .now }
        }
        return !draining.exchange(true, ordering: .acquiringAndReleasing)
    }

    /// When the drain started, if it did.
    var drainStartedAt: ContinuousClock.Instant? { drainStart.withLock { $0 } }
}

/// A one-shot event async code can wait for; a cancelled waiter returns early.
final class Latch: Sendable {
    private struct State {
        var open = false
        var nextToken = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }
    private let state = Mutex(State())

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the latch is open or the calling task is cancelled.
    func wait() async {
        let token = state.withLock { state -> Int in
            state.nextToken += 1
            return state.nextToken
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.open || Task.isCancelled { return true }
                    state.waiters[token] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: token) }?.resume()
        }
    }
}

internal import Synchronization

/// A dedicated operating-system thread that owns the libzmq sockets used by async code.
///
/// libzmq sockets are not thread-safe and their calls block, so they must not run on Swift's small
/// cooperative pool. The I/O thread loops on `zmq_poll` (waking at least every `pollTimeout` for
/// housekeeping, and at once when another thread writes to its wake-up pipe) and talks to async code
/// through bounded bridges: ``InboundChannel`` and ``OutboundChannel``. Backpressure reaches the sockets
/// in both directions (see those types).
///
/// Call ``start()`` once, open channels, and always call ``shutdown(linger:)``: the running thread keeps
/// the `IOThread` alive until then.
public final class IOThread: Sendable {
    enum Phase {
        case idle, running, stopping, exited
    }

    struct State {
        var phase: Phase = .idle
        var commands: [@Sendable (IOLoop) -> Void] = []
        var thread: PosixThread?
        var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The thread name (the first 15 bytes are visible to the operating system, e.g. in `top -H`).
    public let name: String
    let context: ZMQContext
    let pollTimeout: Duration
    let state = Mutex(State())
    let iterations = Atomic<UInt64>(0)
    let wakeupPipe: Result<WakeupPipe, ZMQError>
    let eventContinuation: AsyncStream<SocketEvent>.Continuation

    /// Monitor events of every socket opened with ``SocketSpec/monitored``; keeps the newest 1024 when the
    /// consumer falls behind and ends when the thread stops. Meant for a single consumer.
    public let events: AsyncStream<SocketEvent>

    /// Creates the thread object; ``start()`` spawns the thread.
    ///
    /// - Parameters:
    ///   - context: The context the sockets belong to; kept alive as long as this object.
    ///   - name: The thread name.
    ///   - pollTimeout: The longest `zmq_poll` wait between loop passes (at least 1 ms).
    public init(context: ZMQContext, name: String = "zmq-io", pollTimeout: Duration = .milliseconds(100)) {
        self.context = context
        self.name = name
        self.pollTimeout = max(pollTimeout, .milliseconds(1))
        self.wakeupPipe = Result { () throws(ZMQError) in try WakeupPipe() }
        (events, eventContinuation) = AsyncStream.makeStream(
            of: SocketEvent.self,
            bufferingPolicy: .bufferingNewest(1024)
        )
    }

    /// Spawns the I/O thread.
    ///
    /// - Throws: ``ZMQError`` `.invalidState` if called twice or after shutdown; `.setupFailed` if the
    ///   wake-up pipe or the thread cannot be created.
    public func start() throws {
        let pipe = try wakeupPipe.get()
        try state.withLock { (state: inout State) throws(ZMQError) in
            guard state.phase == .idle else {
                throw ZMQError(
                    code: .invalidState, operation: "IOThread.start", detail: name, reason: "already started"
                )
            }
            state.thread = try PosixThread.spawn(name: name) { IOLoop(owner: self, pipe: pipe).run() }
            state.phase = .running
        }
    }

    /// Passes since the thread started; increases on every poll-loop pass, at least once per `pollTimeout`.
    ///
    /// A watchdog that sees it stop moving knows the I/O thread is stuck.
    public var loopIterations: UInt64 { iterations.load(ordering: .relaxed) }

    /// Opens a socket on the I/O thread and returns its receiving side.
    ///
    /// The socket is created, configured (bounded `ZMQ_LINGER` first, then `spec.options`), monitored if
    /// asked, bound and connected on the I/O thread.
    ///
    /// A ``SocketType/dealer`` socket is a work-queue input: it speaks ``WorkQueueBroker``'s protocol, asks
    /// for as many jobs as the buffer has room for, acknowledges what the consumer passes to
    /// ``InboundChannel/acknowledge(_:)``, and sends a heartbeat every second.
    ///
    /// - Parameters:
    ///   - spec: What to open.
    ///   - capacity: The bridge buffer size (at least 1).
    /// - Throws: The libzmq ``ZMQError`` naming the socket and endpoint (e.g. `.addressInUse`,
    ///   `.invalidEndpoint`), or `.closed` if the thread is not running.
    public func openInbound(_ spec: SocketSpec, capacity: Int) async throws -> InboundChannel {
        let channel = InboundChannel(
            name: spec.name, capacity: capacity, isWorkQueue: spec.type == .dealer, thread: self)
        try await perform("IOThread.openInbound", detail: spec.name) { (loop) throws(ZMQError) in
            try loop.open(spec, inbound: channel, outbound: nil)
        }
        return channel
    }

    /// Opens a socket on the I/O thread and returns its sending side.
    ///
    /// - Parameters:
    ///   - spec: What to open.
    ///   - capacity: The bridge queue size (at least 1).
    /// - Throws: As ``openInbound(_:capacity:)``.
    public func openOutbound(_ spec: SocketSpec, capacity: Int) async throws -> OutboundChannel {
        let channel = OutboundChannel(
            name: spec.name, capacity: capacity, dropWhenFull: spec.dropWhenFull, thread: self)
        try await perform("IOThread.openOutbound", detail: spec.name) { (loop) throws(ZMQError) in
            try loop.open(spec, inbound: nil, outbound: channel)
        }
        return channel
    }

    /// Opens a REP socket on the I/O thread and answers every request on that thread with `handler`.
    ///
    /// For small, fast, non-blocking protocols served inside the process, such as ZAP authentication
    /// (``ZAPAuthenticator``). The socket closes with the thread.
    ///
    /// - Parameters:
    ///   - spec: What to open; its type must be ``SocketType/rep``.
    ///   - handler: Builds the reply to one request; runs on the I/O thread and must not block.
    /// - Throws: As ``openInbound(_:capacity:)``.
    public func openReplier(
        _ spec: SocketSpec, handler: @escaping @Sendable (ZMQMessage) -> ZMQMessage
    ) async throws {
        precondition(spec.type == .rep, "IOThread.openReplier needs a REP socket")
        try await perform("IOThread.openReplier", detail: spec.name) { (loop) throws(ZMQError) in
            try loop.open(spec, inbound: nil, outbound: nil, replier: handler)
        }
    }

    /// Stops the thread: flushes outbound queues for up to `linger`, then closes every socket with the
    /// remaining time as `ZMQ_LINGER`, fails sends still waiting with `.closed`, ends inbound channels
    /// (after their buffered messages) and ``events``, and joins the thread.
    ///
    /// Returns after roughly `linger` at most, even when peers are gone. Calling it again, concurrently
    /// or on a thread that never started, is harmless.
    ///
    /// - Parameter linger: The flush budget; negative is treated as zero.
    public func shutdown(linger: Duration) async {
        let mustWait = state.withLock { state -> Bool in
            switch state.phase {
            case .idle:
                state.phase = .exited
                return false
            case .running:
                state.phase = .stopping
                state.commands.append { loop in loop.beginShutdown(linger: max(linger, .zero)) }
                return true
            case .stopping:
                return true
            case .exited:
                return false
            }
        }
        if mustWait {
            wake()
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let exited = state.withLock { state in
                    if state.phase == .exited { return true }
                    state.shutdownWaiters.append(continuation)
                    return false
                }
                if exited { continuation.resume() }
            }
        } else {
            eventContinuation.finish()
        }
        // The loop has finished; the thread is returning, so this join is immediate.
        state.withLock { state in
            defer { state.thread = nil }
            return state.thread
        }?.join()
    }
}

internal import Synchronization

/// A credit-based work queue on a dedicated thread: messages from a frontend (PULL or SUB) are handed to
/// workers connected to a ROUTER backend, each only when it asked for work, and kept until it acknowledged.
///
/// Workers are ``IOThread`` inputs of type ``SocketType/dealer`` (see ``WorkQueueCommand`` for the
/// protocol). Compared with PUSH → PULL it gives:
/// - **no loss when a worker stops**: a stopping worker asks the broker to stop, finishes what it has,
///   acknowledges it and says goodbye; jobs it did not acknowledge go back to the front of the queue;
/// - **crash recovery**: a worker silent for ``Configuration/workerTimeout`` is dropped and its
///   unacknowledged jobs are given to others (so they may be processed twice: at-least-once);
/// - **load balancing by capacity**: a slow worker asks for less instead of receiving a fixed share.
///
/// The broker holds at most ``Configuration/maxQueued`` waiting jobs; when full it stops reading the
/// frontend, so upstream PUSH senders block. Its queue lives in memory: a graceful stop first drains it
/// (for up to ``Configuration/drainTimeout``), a crash of the broker loses it.
public final class WorkQueueBroker: Sendable {
    /// Limits and timeouts of a broker.
    public struct Configuration: Sendable {
        /// The most jobs waiting for a worker (not counting jobs out with workers).
        public var maxQueued: Int
        /// A worker that sent nothing (not even its one-second heartbeat) for this long is dropped; keep it
        /// well above a second (the default is 5 s), or live workers are dropped and re-admitted.
        public var workerTimeout: Duration
        /// How long a stopping broker keeps dispatching and waiting for acknowledgements.
        public var drainTimeout: Duration

        /// Creates a configuration.
        public init(
            maxQueued: Int = 10_000, workerTimeout: Duration = .seconds(5), drainTimeout: Duration = .seconds(10)
        ) {
            self.maxQueued = max(1, maxQueued)
            self.workerTimeout = max(workerTimeout, .milliseconds(100))
            self.drainTimeout = max(drainTimeout, .zero)
        }
    }

    /// Counters and levels of a running broker.
    public struct Statistics: Sendable, Equatable {
        /// Messages read from the frontend.
        public var received: UInt64 = 0
        /// Jobs sent to workers, re-sends included.
        public var dispatched: UInt64 = 0
        /// Jobs acknowledged by workers.
        public var acknowledged: UInt64 = 0
        /// Unacknowledged jobs put back in the queue (their worker left or fell silent).
        public var requeued: UInt64 = 0
        /// Workers that said goodbye.
        public var workersLeft: UInt64 = 0
        /// Workers dropped for silence or an unreachable connection.
        public var workersExpired: UInt64 = 0
        /// Backend messages that were not protocol messages (ignored).
        public var protocolErrors: UInt64 = 0
        /// Jobs still queued or unacknowledged when the drain timed out at stop.
        public var lostAtStop: UInt64 = 0
        /// Jobs waiting for a worker now.
        public var queued = 0
        /// Jobs out with workers now.
        public var unacknowledged = 0
        /// Workers known now.
        public var workers = 0

        /// All zero.
        public init() {}
    }

    struct Shared {
        var thread: PosixThread?
        var exited = false
        var failure: ZMQError?
        var waiters: [CheckedContinuation<Void, Never>] = []
        var statistics = Statistics()
        var bound: (frontend: [String], backend: [String]) = ([], [])
    }

    /// The thread name.
    public let name: String
    /// The socket jobs come from (PULL or SUB).
    public let frontend: SocketSpec
    /// The ROUTER socket workers connect to.
    public let backend: SocketSpec
    /// Limits and timeouts.
    public let configuration: Configuration
    let context: ZMQContext
    let shared = Mutex(Shared())
    let stopRequested = Atomic<Bool>(false)
    let pipe: Result<WakeupPipe, ZMQError>

    /// Describes a broker; nothing is opened until ``start()``.
    ///
    /// - Parameters:
    ///   - context: The context of both sockets.
    ///   - frontend: Where jobs come from; PULL or SUB (with its subscriptions).
    ///   - backend: Where workers connect; must be ROUTER (`ZMQ_ROUTER_MANDATORY` is set by the broker).
    ///   - configuration: Limits and timeouts.
    ///   - name: The thread name.
    public init(
        context: ZMQContext, frontend: SocketSpec, backend: SocketSpec, configuration: Configuration = .init(),
        name: String = "zmq-broker"
    ) {
        precondition(backend.type == .router, "WorkQueueBroker needs a ROUTER backend")
        self.context = context
        self.frontend = frontend
        self.backend = backend
        self.configuration = configuration
        self.name = name
        self.pipe = Result { () throws(ZMQError) in try WakeupPipe() }
    }

    /// The endpoints the two sockets bound, wildcards resolved.
    public var boundEndpoints: (frontend: [String], backend: [String]) { shared.withLock { $0.bound } }

    /// A snapshot of the counters, refreshed on every loop pass (at least every 100 ms).
    public var statistics: Statistics { shared.withLock { $0.statistics } }

    /// Opens both sockets on the calling thread, then starts the broker thread, which alone uses them.
    ///
    /// - Throws: ``ZMQError`` naming the socket and endpoint (e.g. `.addressInUse`); nothing is left open.
    public func start() throws(ZMQError) {
        let pipe = try pipe.get()
        var opened: [SocketHandle] = []
        do throws(ZMQError) {
            let front = try SocketHandle.open(frontend, context: context)
            opened.append(front.handle)
            var routerSpec = backend
            routerSpec.options.append(.routerMandatory(true))
            let back = try SocketHandle.open(routerSpec, context: context)
            opened.append(back.handle)
            shared.withLock { $0.bound = (front.bound, back.bound) }
            let sockets = Sockets(frontend: front.handle, backend: back.handle)
            let thread = try PosixThread.spawn(name: name) { [self] in
                WorkQueueBrokerLoop(owner: self, pipe: pipe, frontend: sockets.frontend, backend: sockets.backend).run()
            }
            shared.withLock { $0.thread = thread }
        } catch {
            for handle in opened.reversed() { handle.close() }
            throw error
        }
    }

    /// Stops reading the frontend, hands out and waits for what is left (up to the drain timeout), closes
    /// the sockets and joins the thread. Calling it again is harmless.
    public func stop() async {
        stopRequested.store(true, ordering: .releasing)
        if case .success(let pipe) = pipe { pipe.wake() }
        await waitForExit()
        shared.withLock { state in
            defer { state.thread = nil }
            return state.thread
        }?.join()
    }

    /// Waits until the broker thread exited (after ``stop()``, or on its own after an error).
    ///
    /// - Returns: The error that ended the broker, or `nil` after a requested stop.
    @discardableResult
    public func waitForExit() async -> ZMQError? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let exited = shared.withLock { state in
                if state.exited || state.thread == nil { return true }
                state.waiters.append(continuation)
                return false
            }
            if exited { continuation.resume() }
        }
        return shared.withLock { $0.failure }
    }

    /// The two sockets, handed to the broker thread, which alone uses them from then on.
    struct Sockets: @unchecked Sendable {
        let frontend: SocketHandle
        let backend: SocketHandle
    }

    /// Called by the loop as its last act.
    func loopDidExit(failure: ZMQError?, statistics: Statistics) {
        let waiters = shared.withLock { state in
            state.exited = true
            state.failure = failure
            state.statistics = statistics
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

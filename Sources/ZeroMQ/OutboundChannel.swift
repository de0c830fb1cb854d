internal import Synchronization

/// The sending side of a socket owned by an ``IOThread``.
///
/// ``send(_:)`` suspends the caller until libzmq accepted the message, so a socket that cannot take more
/// (a PUSH at its high-water mark or without peers) holds senders back instead of dropping: at most
/// `capacity` messages wait in the bridge queue for the I/O thread, later callers wait their turn.
/// PUB sockets are the exception: libzmq never blocks them and silently drops at the high-water mark
/// (unless ``SocketOption/xpubNoDrop(_:)`` is set). A channel opened with ``SocketSpec/dropWhenFull``
/// discards a message the socket cannot take at once and reports it as ``Delivery/dropped``.
public final class OutboundChannel: Sendable {
    /// What became of a message handed to ``send(_:)``.
    public enum Delivery: Sendable, Equatable {
        /// libzmq accepted it.
        case sent
        /// The socket was full and the channel drops when full (``SocketSpec/dropWhenFull``): discarded.
        case dropped
    }

    struct Pending {
        let id: UInt64
        let message: ZMQMessage
        let continuation: CheckedContinuation<Delivery, any Error>
    }

    struct State {
        /// The bridge queue the I/O thread sends from; at most `capacity` entries.
        var queue = FIFO<Pending>()
        /// Callers waiting for room in `queue`.
        var overflow = FIFO<Pending>()
        /// The I/O thread is sending the head of `queue` right now; it cannot be cancelled.
        var headInFlight = false
        /// Set once the channel is closed; later sends fail with it.
        var closedError: ZMQError?
        var nextID: UInt64 = 0
        var blockedSince: ContinuousClock.Instant?
        var blockedTotal: Duration = .zero
        var sentCount: UInt64 = 0
        var droppedCount: UInt64 = 0
        var boundEndpoints: [String] = []
    }

    /// The socket name from ``SocketSpec/name``.
    public let name: String
    /// The most messages waiting in the bridge queue.
    public let capacity: Int
    /// Whether a full socket drops instead of waiting (``SocketSpec/dropWhenFull``).
    public let dropWhenFull: Bool
    let state = Mutex(State())
    let thread: IOThread

    init(name: String, capacity: Int, dropWhenFull: Bool = false, thread: IOThread) {
        precondition(capacity > 0, "OutboundChannel capacity must be positive")
        self.name = name
        self.capacity = capacity
        self.dropWhenFull = dropWhenFull
        self.thread = thread
    }

    /// Hands `message` to the I/O thread and suspends until libzmq accepted it (`zmq_msg_send` succeeded).
    ///
    /// While the socket would block the message waits, unless the channel drops when full: then it is
    /// discarded and the result is ``Delivery/dropped``. If the calling task is cancelled before the
    /// message was handed to libzmq, it is removed from the queue.
    ///
    /// - Parameter message: The (multipart) message.
    /// - Returns: ``Delivery/sent``, or ``Delivery/dropped`` for a full socket of a dropping channel.
    /// - Throws: `CancellationError` if cancelled before sending; ``ZMQError`` `.closed` if the channel or
    ///   thread shut down first (`.contextTerminated` if the context did); other ``ZMQError``s from libzmq.
    @discardableResult
    public func send(_ message: ZMQMessage) async throws -> Delivery {
        try Task.checkCancellation()
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Delivery, any Error>) in
                enqueue(Pending(id: id, message: message, continuation: continuation))
            }
        } onCancel: {
            cancel(id: id)
        }
    }

    /// The endpoints the socket bound, with wildcards resolved (e.g. the port chosen for `tcp://127.0.0.1:*`).
    public var boundEndpoints: [String] { state.withLock { $0.boundEndpoints } }

    /// Messages accepted by libzmq so far.
    public var sentCount: UInt64 { state.withLock { $0.sentCount } }

    /// Messages discarded because the socket was full (only for channels that drop when full).
    public var droppedCount: UInt64 { state.withLock { $0.droppedCount } }

    /// Messages in the bridge queue (at most `capacity`), including one being sent or blocked.
    public var queuedCount: Int { state.withLock { $0.queue.count } }

    /// Total time the head message waited because the socket would block, including a wait in progress.
    public var blockedDuration: Duration {
        state.withLock { state in
            state.blockedTotal + (state.blockedSince.map { ContinuousClock.now - $0 } ?? .zero)
        }
    }

    /// Whether the head message is waiting now because the socket would block.
    public var isBlocked: Bool { state.withLock { $0.blockedSince != nil } }
}

internal import Synchronization

/// The receiving side of a socket owned by an ``IOThread``: an `AsyncSequence` of ``InboundMessage``.
///
/// Messages wait in a bounded buffer of `capacity`. While the buffer is full the I/O thread stops polling
/// the socket for input, so libzmq's receive high-water mark fills and upstream senders block (PUSH) or
/// drop (PUB) — backpressure reaches the network instead of growing memory. ``isPaused`` and
/// ``pausedDuration`` report that state.
///
/// The sequence is meant for one consumer; several iterators share the messages. It ends after
/// ``close()`` or ``IOThread/shutdown(linger:)`` once the buffer is drained, and an iterator whose task is
/// cancelled returns `nil`.
public final class InboundChannel: AsyncSequence, Sendable {
    /// The element type: a message with its arrival time.
    public typealias Element = InboundMessage

    struct State {
        var buffer = FIFO<InboundMessage>()
        var waiters: [(id: UInt64, continuation: CheckedContinuation<InboundMessage?, Never>)] = []
        var nextWaiterID: UInt64 = 0
        var intakeOpen = true
        var pausedSince: ContinuousClock.Instant?
        var pausedTotal: Duration = .zero
        var receivedCount: UInt64 = 0
        var boundEndpoints: [String] = []
        /// Work-queue input (DEALER): jobs granted to the broker that have not arrived yet.
        var outstanding = 0
        /// Work-queue input: delivery tags acknowledged by the consumer, not yet sent to the broker.
        var pendingAcks: [UInt64] = []
        /// Work-queue input: the consumer made room for a grant and woke the I/O thread for it.
        var grantRequested = false
    }

    /// The socket name from ``SocketSpec/name``.
    public let name: String
    /// The most messages buffered between the I/O thread and the consumer.
    public let capacity: Int
    /// Whether the socket is a work-queue input (a DEALER connected to a ``WorkQueueBroker``): messages
    /// carry a ``InboundMessage/deliveryTag`` and must be acknowledged (``acknowledge(_:)``).
    public let isWorkQueue: Bool
    let state = Mutex(State())
    let thread: IOThread

    init(name: String, capacity: Int, isWorkQueue: Bool = false, thread: IOThread) {
        precondition(capacity > 0, "InboundChannel capacity must be positive")
        self.name = name
        self.capacity = capacity
        self.isWorkQueue = isWorkQueue
        self.thread = thread
    }

    /// Total time intake was paused because the buffer was full, including a pause in progress.
    public var pausedDuration: Duration {
        state.withLock { state in
            state.pausedTotal + (state.pausedSince.map { ContinuousClock.now - $0 } ?? .zero)
        }
    }

    /// Whether intake is paused now because the buffer is full.
    public var isPaused: Bool { state.withLock { $0.pausedSince != nil } }

    /// Messages received from libzmq so far.
    public var receivedCount: UInt64 { state.withLock { $0.receivedCount } }

    /// The endpoints the socket bound, with wildcards resolved (e.g. the port chosen for `tcp://127.0.0.1:*`).
    public var boundEndpoints: [String] { state.withLock { $0.boundEndpoints } }

    /// Messages waiting in the buffer.
    public var bufferedCount: Int { state.withLock { $0.buffer.count } }

    /// Stops intake: the I/O thread closes the socket (with zero linger), so no further messages are accepted.
    ///
    /// A work-queue input instead asks its broker to stop, keeps receiving until the broker confirmed (or
    /// for at most two seconds), and keeps its socket open for acknowledgements until the thread shuts down.
    ///
    /// Iteration yields what is already buffered and then ends. Calling it again, or after the thread
    /// shut down, does nothing.
    public func close() async {
        await thread.closeInbound(self)
    }

    /// Tells the broker of a work-queue input that `message` is done, so it is never given to another
    /// worker; call it once the message's result was handed to the output. Does nothing for other inputs.
    ///
    /// A message never acknowledged returns to the broker's queue when this worker leaves or falls silent.
    public func acknowledge(_ message: InboundMessage) {
        guard let tag = message.deliveryTag else { return }
        let first = state.withLock { state in
            state.pendingAcks.append(tag)
            return state.pendingAcks.count == 1
        }
        if first { thread.wake() }
    }

    /// Creates an iterator; see the type's documentation for sharing and cancellation.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(channel: self)
    }

    /// Iterates an ``InboundChannel``.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: InboundChannel

        /// The next message; `nil` when the channel is closed and drained, or the task is cancelled.
        public mutating func next() async -> InboundMessage? {
            await channel.next()
        }
    }
}

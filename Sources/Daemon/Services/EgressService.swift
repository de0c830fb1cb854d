public import Logging
public import ServiceLifecycle
public import ZeroMQ

/// Owns the I/O thread's lifetime: records socket events, and flushes and closes sockets last.
///
/// Listed before the pipeline so its graceful shutdown starts only after the pipeline drained;
/// it then gives queued output up to `linger` to reach peers before the sockets close.
public struct EgressService: Service {
    let io: IOThread
    let linger: Duration
    let drainTimeout: Duration
    let state: DaemonState
    let metrics: DaemonMetrics
    let logger: Logger

    /// Creates the service; the flush gets `linger`, cut to what is left of `drainTimeout`.
    public init(
        io: IOThread, linger: Duration, drainTimeout: Duration, state: DaemonState, metrics: DaemonMetrics,
        logger: Logger
    ) {
        self.io = io
        self.linger = linger
        self.drainTimeout = drainTimeout
        self.state = state
        self.metrics = metrics
        self.logger = logger
    }

    /// The flush budget: `linger`, but never past the drain deadline (less a margin for closing).
    func flushBudget(now: ContinuousClock.Instant = .now) -> Duration {
        if Task.isCancelled { return .zero }
        guard let started = state.drainStartedAt else { return linger }
        let remaining = started + drainTimeout - .milliseconds(250) - now
        return max(.zero, min(linger, remaining))
    }

    /// Records socket events until graceful shutdown, then flushes and stops the I/O thread.
    public func run() async {
        for await event in io.events.cancelOnGracefulShutdown() {
            metrics.socketEvent(socket: event.socket, event: event.kind.rawValue)
            let metadata: Logger.Metadata = [
                "zmq.socket": "\(event.socket)", "zmq.event": "\(event.kind.rawValue)",
                "zmq.endpoint": "\(event.endpoint)", "zmq.value": "\(event.value)",
            ]
            switch event.kind {
            case .handshakeFailedAuth, .handshakeFailedProtocol, .handshakeFailedNoDetail, .bindFailed, .acceptFailed:
                logger.warning("zmq.socket_event", metadata: metadata)
            case .connectRetried, .connectDelayed, .closed:
                logger.debug("zmq.socket_event", metadata: metadata)
            default:
                logger.info("zmq.socket_event", metadata: metadata)
            }
        }
        let flushLinger = flushBudget()
        logger.info(
            "egress.flushing",
            metadata: [
                "egress.linger_ms":
                    "\(flushLinger.components.seconds * 1000 + flushLinger.components.attoseconds / 1_000_000_000_000_000)"
            ])
        let started = ContinuousClock.now
        await io.shutdown(linger: flushLinger)
        // Closing returns before the linger only once every queued message was written to its peer.
        let flushed = ContinuousClock.now - started < flushLinger - .milliseconds(20)
        if flushed { state.markOutputFlushed() }
        logger.info("egress.closed", metadata: ["egress.flushed": "\(flushed)"])
    }
}

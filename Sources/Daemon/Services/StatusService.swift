import CoreMetrics
public import Logging
public import ServiceLifecycle
import Synchronization
public import ZeroMQ

/// Reports the daemon's state: readiness and progress to systemd, transport stalls to metrics.
///
/// Sends `READY=1` once the sockets are open and (if enabled) the HTTP endpoint listens. Then,
/// every second, it turns the bridges' paused/blocked time into metrics, and every status interval
/// it sends `STATUS=` with throughput and `WATCHDOG=1` — but only while the pipeline makes
/// progress: the I/O thread's loop advanced, and processing is either idle or completing messages.
/// A stalled downstream is not a fault (intake pauses), a wedged thread or enricher is.
public struct StatusService: Service {
    let input: InboundChannel
    let output: OutboundChannel
    let io: IOThread
    let state: DaemonState
    let metrics: DaemonMetrics
    let notifier: SystemdNotifier
    let waitForHTTP: Bool
    let statusInterval: Duration
    let logger: Logger

    /// Creates the service.
    public init(
        input: InboundChannel, output: OutboundChannel, io: IOThread, state: DaemonState, metrics: DaemonMetrics,
        notifier: SystemdNotifier, waitForHTTP: Bool, statusInterval: Duration, logger: Logger
    ) {
        self.input = input
        self.output = output
        self.io = io
        self.state = state
        self.metrics = metrics
        self.notifier = notifier
        self.waitForHTTP = waitForHTTP
        self.statusInterval = statusInterval
        self.logger = logger
    }

    /// Runs until graceful shutdown.
    public func run() async {
        if waitForHTTP { await state.waitForHTTP() }
        guard !Task.isCancelled else { return }
        metrics.ready.record(1)
        notifier.notify("READY=1\nSTATUS=ready")
        logger.notice("daemon.ready")
        var reportInterval = statusInterval
        if let watchdog = notifier.watchdogInterval, watchdog / 2 < reportInterval {
            reportInterval = watchdog / 2
        }
        var sample = Sample(io: io, state: state, input: input, output: output)
        var lastReport = ContinuousClock.now
        var reported = sample
        let tick = min(Duration.seconds(1), reportInterval)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: tick) }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            let next = Sample(io: io, state: state, input: input, output: output)
            metrics.intakePaused.record(input.isPaused ? 1 : 0)
            metrics.intakePausedSeconds.increment(by: Self.seconds(next.paused - sample.paused))
            metrics.outputBlockedSeconds.increment(by: Self.seconds(next.blocked - sample.blocked))
            metrics.inFlight.record(Double(next.inFlight) + Double(input.bufferedCount))
            sample = next
            let now = ContinuousClock.now
            guard now - lastReport >= reportInterval else { continue }
            let elapsed = Self.seconds(now - lastReport)
            let rate = Double(next.finished - reported.finished) / max(elapsed, 0.001)
            let healthy =
                state.isDraining
                || (next.loops != reported.loops && (next.processing == 0 || next.processed != reported.processed))
            var message =
                "STATUS=\(Int(rate.rounded())) msg/s, \(next.accepted) received, \(next.inFlight) in flight"
            if input.isPaused { message += ", intake paused" }
            if healthy { message += "\nWATCHDOG=1" } else { logger.warning("watchdog.no_progress") }
            notifier.notify(message)
            reported = next
            lastReport = now
        }
        metrics.ready.record(0)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// A snapshot of the counters the status reporter compares over time.
struct Sample {
    var loops: UInt64
    var processing: Int
    var processed: UInt64
    var accepted: UInt64
    var finished: UInt64
    var paused: Duration
    var blocked: Duration

    /// Accepted but not finished.
    var inFlight: UInt64 { accepted >= finished ? accepted - finished : 0 }

    init(io: IOThread, state: DaemonState, input: InboundChannel, output: OutboundChannel) {
        loops = io.loopIterations
        processing = state.processing.load(ordering: .relaxed)
        processed = state.processed.load(ordering: .relaxed)
        // `finished` first: a message counted in it was counted in `accepted` before.
        finished = state.finished.load(ordering: .acquiring)
        accepted = state.accepted.load(ordering: .acquiring)
        paused = input.pausedDuration
        blocked = output.blockedDuration
    }
}

public import CoreMetrics
import Synchronization

/// The daemon's counters, gauges and timers, created from an injected factory.
///
/// Names follow Prometheus conventions (`enrichd_*_total`, `_seconds`). Labelled series
/// (dead-letter reasons, socket events) are created on first use and cached.
public final class DaemonMetrics: Sendable {
    private let factory: any MetricsFactory
    /// Messages accepted from the input socket.
    public let received: Counter
    /// Enriched articles handed to the output socket.
    public let published: Counter
    /// Articles received but not yet published or dead-lettered.
    public let inFlight: Gauge
    /// 1 while intake is paused because the in-flight window is full.
    public let intakePaused: Gauge
    /// Total seconds intake was paused.
    public let intakePausedSeconds: FloatingPointCounter
    /// Total seconds the output socket could not accept.
    public let outputBlockedSeconds: FloatingPointCounter
    /// 1 while the daemon is ready (sockets up, not draining).
    public let ready: Gauge
    /// Time per pipeline stage of one message (`decode`, `parse`, `enrich`, `encode`).
    public let decodeDuration: Timer
    /// Parse stage time.
    public let parseDuration: Timer
    /// Enrichment stage time (all enrichers).
    public let enrichDuration: Timer
    /// Encode stage time.
    public let encodeDuration: Timer
    /// Time from a finished record to libzmq accepting it.
    public let publishDuration: Timer
    /// Time from receipt to publication.
    public let endToEndDuration: Timer
    /// Spool: messages journaled.
    public let spoolAppended: Counter
    /// Spool: journaled messages removed after their result was sent.
    public let spoolReleased: Counter
    /// Spool: messages replayed from the journal at start.
    public let spoolReplayed: Counter
    /// Spool: messages whose result could not be sent (drain deadline, closed output), left for the next start.
    public let spoolKept: Counter
    /// Spool: failed reads and commits; a message whose append failed is processed without the journal.
    public let spoolErrors: Counter
    /// Spool: messages in the journal not yet removed, and their bytes.
    public let spoolPendingMessages: Gauge
    /// Spool: bytes of ``spoolPendingMessages``.
    public let spoolPendingBytes: Gauge
    /// Spool: time per group commit.
    public let spoolCommitDuration: Timer
    private let labelled = Mutex<[String: Counter]>([:])

    /// Creates every unlabelled metric from `factory`.
    public init(factory: any MetricsFactory) {
        self.factory = factory
        received = Counter(label: "enrichd_messages_received_total", factory: factory)
        published = Counter(label: "enrichd_messages_published_total", factory: factory)
        inFlight = Gauge(label: "enrichd_in_flight", factory: factory)
        intakePaused = Gauge(label: "enrichd_intake_paused", factory: factory)
        intakePausedSeconds = FloatingPointCounter(label: "enrichd_intake_paused_seconds_total", factory: factory)
        outputBlockedSeconds = FloatingPointCounter(label: "enrichd_output_blocked_seconds_total", factory: factory)
        ready = Gauge(label: "enrichd_ready", factory: factory)
        func stage(_ name: String) -> Timer {
            Timer(label: "enrichd_stage_duration_seconds", dimensions: [("stage", name)], factory: factory)
        }
        decodeDuration = stage("decode")
        parseDuration = stage("parse")
        enrichDuration = stage("enrich")
        encodeDuration = stage("encode")
        publishDuration = stage("publish")
        endToEndDuration = stage("end_to_end")
        spoolAppended = Counter(label: "enrichd_spool_appended_total", factory: factory)
        spoolReleased = Counter(label: "enrichd_spool_released_total", factory: factory)
        spoolReplayed = Counter(label: "enrichd_spool_replayed_total", factory: factory)
        spoolKept = Counter(label: "enrichd_spool_kept_total", factory: factory)
        spoolErrors = Counter(label: "enrichd_spool_errors_total", factory: factory)
        spoolPendingMessages = Gauge(label: "enrichd_spool_pending_messages", factory: factory)
        spoolPendingBytes = Gauge(label: "enrichd_spool_pending_bytes", factory: factory)
        spoolCommitDuration = Timer(label: "enrichd_spool_commit_duration_seconds", factory: factory)
    }

    /// Counts one dead-letter record by reason and stage.
    public func deadLettered(reason: String, stage: String) {
        counter("enrichd_messages_dead_lettered_total", [("reason", reason), ("stage", stage)]).increment()
    }

    /// Counts a message that ended as neither output nor dead-letter record (only possible at a forced shutdown).
    public func lost(reason: String, count: Int = 1) {
        counter("enrichd_messages_lost_total", [("reason", reason)]).increment(by: count)
    }

    /// Counts a work-queue message this worker could not finish; unacknowledged, it goes back to the broker
    /// for another worker (`enrichd_messages_returned_total`).
    public func returned(reason: String, count: Int = 1) {
        counter("enrichd_messages_returned_total", [("reason", reason)]).increment(by: count)
    }

    /// Counts a record a PUB socket could not take at its high-water mark (`enrichd_messages_dropped_total`).
    public func dropped(socket: String, reason: String) {
        counter("enrichd_messages_dropped_total", [("socket", socket), ("reason", reason)]).increment()
    }

    /// Counts one ZAP authentication decision (`enrichd_auth_total{result, mechanism}`).
    public func authentication(result: String, mechanism: String) {
        counter("enrichd_auth_total", [("result", result), ("mechanism", mechanism)]).increment()
    }

    /// Counts one socket monitor event.
    public func socketEvent(socket: String, event: String) {
        counter("enrichd_socket_events_total", [("socket", socket), ("event", event)]).increment()
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        let key = label + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        return labelled.withLock { cache in
            if let counter = cache[key] { return counter }
            let counter = Counter(label: label, dimensions: dimensions, factory: factory)
            cache[key] = counter
            return counter
        }
    }
}

import Articles
import CoreMetrics
public import Enrichment
import Foundation
public import Logging
public import ServiceLifecycle
public import Spool
import Synchronization
public import ZeroMQ

/// Takes messages from the input bridge and processes up to `maxInFlight` of them at once.
///
/// Each message ends as exactly one of: a published output record, a dead-letter record, or —
/// only when the drain deadline forces cancellation — a loss counted in
/// `enrichd_messages_lost_total`. On a work-queue input (DEALER) every sent record is acknowledged to the
/// broker, and a message that could not be finished is not lost but returned to the broker
/// (`enrichd_messages_returned_total`). The service returns when the input bridge ends (after
/// ``IngressService`` closed it) and every started message has finished.
///
/// With a ``Spool``, messages left in the journal by a previous run are processed first; every new
/// message is journaled before processing and released once its record was sent. A message whose record
/// could not be sent stays journaled for the next start instead of being lost.
public struct PipelineService: Service {
    let input: InboundChannel
    let output: OutboundChannel
    let deadLetter: OutboundChannel?
    let spool: Spool?
    let pipeline: ArticlePipeline
    let outputTopic: OutputTopic?
    let deadLetterTopic: [UInt8]?
    let maxInFlight: Int
    /// With the spool on: messages waiting for their journal commit, beyond `maxInFlight` being processed.
    let journalWindow: Int
    let processing: AsyncLimiter?
    let worker: String
    let metrics: DaemonMetrics
    let state: DaemonState
    let logger: Logger
    let problemLog: ThrottledLog

    /// Creates the service; `outputTopic`/`deadLetterTopic` are set for PUB sockets only.
    public init(
        input: InboundChannel, output: OutboundChannel, deadLetter: OutboundChannel?, spool: Spool?,
        pipeline: ArticlePipeline,
        outputTopic: OutputTopic?, deadLetterTopic: [UInt8]?, maxInFlight: Int,
        worker: String, metrics: DaemonMetrics, state: DaemonState, logger: Logger
    ) {
        self.input = input
        self.output = output
        self.deadLetter = deadLetter
        self.spool = spool
        self.pipeline = pipeline
        self.outputTopic = outputTopic
        self.deadLetterTopic = deadLetterTopic
        self.maxInFlight = maxInFlight
        // Journal commits are shared by whatever waits for one; a window of its own keeps commits large
        // while `maxInFlight` still bounds the messages being processed or waiting for the output.
        self.journalWindow = spool == nil ? 0 : 256
        self.processing = spool == nil ? nil : AsyncLimiter(limit: maxInFlight)
        self.worker = worker
        self.metrics = metrics
        self.state = state
        self.logger = logger
        self.problemLog = ThrottledLog(interval: .seconds(10))
    }

    /// Runs until the input ends, all started messages finished, and this service's shutdown turn came.
    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            if let spool { await replay(spool, into: &group, running: &running) }
            for await message in input {
                state.accepted.add(1, ordering: .relaxed)
                metrics.received.increment()
                await admit(message, ticket: nil, into: &group, running: &running)
            }
            await group.waitForAll()
        }
        // Cancelled before the input ended: stop intake first, then account for what is still buffered.
        await input.close()
        let stranded = input.bufferedCount
        if stranded > 0 {
            state.accepted.add(UInt64(stranded), ordering: .relaxed)
            state.finished.add(UInt64(stranded), ordering: .relaxed)
            metrics.received.increment(by: stranded)
            unfinished(reason: "shutdown_deadline", count: stranded)
            logger.error("pipeline.stranded", metadata: ["pipeline.stranded": "\(stranded)"])
        }
        if !state.isDraining && !Task.isCancelled {
            // The input ended without a drain (the I/O thread lost the socket): fail the group so the
            // service manager restarts the worker instead of leaving it idle and "ready".
            logger.critical("pipeline.input_ended")
            throw PipelineError(description: "the input socket closed unexpectedly")
        }
        logger.info("pipeline.drained", metadata: ["pipeline.accepted": "\(state.accepted.load(ordering: .relaxed))"])
        // The input ends only when ingress closed it at the start of graceful shutdown; return in
        // this service's own shutdown turn so the group sees the expected order.
        try? await gracefulShutdown()
    }

    /// Starts `message` once fewer than `maxInFlight` are running.
    private func admit(
        _ message: InboundMessage, ticket: Spool.Ticket?, into group: inout TaskGroup<Void>, running: inout Int
    ) async {
        if running >= maxInFlight + journalWindow {
            await group.next()
            running -= 1
        }
        group.addTask { await self.process(message, ticket: ticket) }
        running += 1
    }

    /// Feeds the journal's unreleased messages, oldest first, until it is empty or a drain starts.
    private func replay(_ spool: Spool, into group: inout TaskGroup<Void>, running: inout Int) async {
        var after: Int64 = 0
        var replayed = 0
        while !state.isDraining && !Task.isCancelled {
            let batch: [Spool.Entry]
            do {
                batch = try await spool.pending(after: after, limit: 256)
            } catch {
                metrics.spoolErrors.increment()
                logger.error("spool.replay_failed", metadata: ["spool.replayed": "\(replayed)", "error": "\(error)"])
                break
            }
            guard let last = batch.last else { break }
            for entry in batch {
                state.accepted.add(1, ordering: .relaxed)
                metrics.spoolReplayed.increment()
                let message = InboundMessage(message: ZMQMessage(frames: entry.frames), receivedAt: .now)
                await admit(message, ticket: entry.ticket, into: &group, running: &running)
            }
            after = last.ticket.sequence
            replayed += batch.count
        }
        if replayed > 0 {
            logger.notice("spool.replayed", metadata: ["spool.replayed": "\(replayed)"])
        }
    }

    /// Journals a new message (when the spool is on), handles it, then releases or keeps its record.
    func process(_ message: InboundMessage, ticket: Spool.Ticket?) async {
        var ticket = ticket
        guard let spool else {
            switch await handle(message) {
            case .sent: input.acknowledge(message)
            case .unsent(let reason): unfinished(reason: reason)
            }
            return
        }
        if ticket == nil {
            do {
                ticket = try await spool.append(message.frames)
                metrics.spoolAppended.increment()
            } catch {
                // Processed anyway: dropping it would lose it for certain; only crash safety is missing.
                metrics.spoolErrors.increment()
                if problemLog.shouldLog("spool.append") {
                    logger.error("spool.append_failed", metadata: ["error": "\(error)"])
                }
            }
        }
        await processing?.enter()
        let outcome = await handle(message)
        processing?.leave()
        if case .sent = outcome { input.acknowledge(message) }
        switch (outcome, ticket) {
        case (.sent, let ticket?): spool.release(ticket)
        case (.sent, nil): break
        case (.unsent, _?): metrics.spoolKept.increment()
        case (.unsent(let reason), nil): unfinished(reason: reason)
        }
    }

    /// Counts messages that end as no record: returned to a work-queue broker (which gives them to another
    /// worker), or lost on any other input.
    private func unfinished(reason: String, count: Int = 1) {
        if input.isWorkQueue {
            metrics.returned(reason: reason, count: count)
        } else {
            metrics.lost(reason: reason, count: count)
        }
    }

    /// Processes one message and sends its record.
    func handle(_ message: InboundMessage) async -> Outcome {
        let receivedAt = Date()
        state.processing.add(1, ordering: .relaxed)
        let result: ProcessingResult
        var timings = StageTimings()
        switch split(message.frames) {
        case .payload(let topic, let payload):
            result = pipeline.process(
                payload, context: ProcessingContext(worker: worker, receivedAt: receivedAt, topic: topic),
                timings: &timings)
        case .rejected(let record):
            result = .deadLetter(reason: record.reason, stage: record.stage, json: record.encodeJSON())
        }
        state.processing.subtract(1, ordering: .relaxed)
        state.processed.add(1, ordering: .relaxed)
        let processedAt = ContinuousClock.now
        metrics.decodeDuration.recordNanoseconds(Self.nanoseconds(timings.decode))
        metrics.parseDuration.recordNanoseconds(Self.nanoseconds(timings.parse))
        metrics.enrichDuration.recordNanoseconds(Self.nanoseconds(timings.enrich))
        metrics.encodeDuration.recordNanoseconds(Self.nanoseconds(timings.encode))
        defer { state.finished.add(1, ordering: .relaxed) }
        switch result {
        case .output(let id, let json, let language, let source):
            var frames: [[UInt8]] = []
            if let outputTopic {
                frames.append(outputTopic.render(source: source, language: language, worker: worker))
            }
            frames.append(json)
            do {
                guard try await output.send(ZMQMessage(frames: frames)) == .sent else {
                    drop(socket: output.name, id: id)
                    return .sent
                }
                metrics.published.increment()
                let now = ContinuousClock.now
                metrics.publishDuration.recordNanoseconds(Self.nanoseconds(now - processedAt))
                metrics.endToEndDuration.recordNanoseconds(Self.nanoseconds(now - message.receivedAt))
            } catch {
                return .unsent(reason: lose(id: id, error: error))
            }
        case .deadLetter(let reason, let stage, let json):
            if problemLog.shouldLog(reason) {
                logger.warning(
                    "message.dead_lettered", metadata: ["message.reason": "\(reason)", "message.stage": "\(stage)"])
            }
            guard let deadLetter else {
                metrics.deadLettered(reason: reason, stage: stage)
                return .sent
            }
            var frames: [[UInt8]] = []
            if let deadLetterTopic { frames.append(deadLetterTopic) }
            frames.append(json)
            do {
                let delivery = try await deadLetter.send(ZMQMessage(frames: frames))
                metrics.deadLettered(reason: reason, stage: stage)
                if delivery == .dropped { drop(socket: deadLetter.name, id: nil) }
            } catch {
                return .unsent(reason: lose(id: nil, error: error))
            }
        }
        return .sent
    }

    /// How handling a message ended: its record was sent (or counted as a PUB drop), or could not be sent.
    enum Outcome {
        case sent
        case unsent(reason: String)
    }

    /// A PUB socket at its high-water mark discarded the record: counted, and logged at most every 10 s.
    private func drop(socket: String, id: String?) {
        metrics.dropped(socket: socket, reason: "hwm")
        if problemLog.shouldLog("dropped.\(socket)") {
            logger.warning("message.dropped", metadata: ["zmq.socket": "\(socket)", "article.id": "\(id ?? "-")"])
        }
    }

    /// Logs a record that could not be sent and returns the reason (counted by the caller).
    private func lose(id: String?, error: any Error) -> String {
        let reason = error is CancellationError ? "shutdown_deadline" : "output_closed"
        logger.error(
            "message.unsent",
            metadata: [
                "message.reason": "\(reason)", "article.id": "\(id ?? "-")", "spool.enabled": "\(spool != nil)",
                "error": "\(error)",
            ])
        return reason
    }

    /// Splits frames into (topic, payload) or a dead-letter record for an unexpected layout.
    ///
    /// `[payload]` or `[topic][payload]` on either input type: SUB delivers the topic frame, and so does a
    /// PULL behind `enrichd proxy`, which forwards a PUB stream's frames unchanged.
    func split(_ frames: [[UInt8]]) -> Framed {
        switch frames.count {
        case 1: return .payload(topic: nil, frames[0])
        case 2: return .payload(topic: frames[0], frames[1])
        default:
            return .rejected(
                DeadLetter(
                    id: nil, reason: "unexpected_frames", stage: "decode",
                    message: "expected [payload] or [topic][payload], got \(frames.count) frames", receivedAt: Date(),
                    worker: worker, topic: frames.count > 2 ? frames.first : nil, payload: frames.last ?? []))
        }
    }

    /// The pipeline stopped for a reason other than a drain.
    struct PipelineError: Error, CustomStringConvertible {
        var description: String
    }

    /// A message's frames split by the input framing.
    enum Framed {
        case payload(topic: [UInt8]?, [UInt8])
        case rejected(DeadLetter)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

import Articles
import Enrichment
import Foundation
import Glibc
public import Logging
import Metrics
public import Prometheus
import ServiceLifecycle
import Spool
import Synchronization
import UnixSignals
import ZeroMQ

/// The enrichd daemon: input socket → enrichment pipeline → output socket, as one service group.
///
/// `run()` opens the sockets on a dedicated I/O thread (failing fast on a bad endpoint), then runs
/// `[http, status, egress, pipeline, ingress]`. On SIGTERM/SIGINT graceful shutdown walks that list
/// backwards: intake stops, received messages finish, output is flushed, HTTP stops last. The
/// whole drain is bounded by `shutdown.drainTimeoutMs`.
public struct Daemon: Sendable {
    /// The effective configuration.
    public let configuration: DaemonConfiguration
    /// The registry `/metrics` exposes.
    public let registry: PrometheusCollectorRegistry
    let logger: Logger
    let environment: [String: String]

    /// Creates a daemon; nothing is opened until ``run()``.
    public init(
        configuration: DaemonConfiguration, logger: Logger, registry: PrometheusCollectorRegistry = .init(),
        environment: [String: String]? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.registry = registry
        self.environment = environment ?? ProcessInfo.processInfo.environment
    }

    /// Runs until `signals` delivers SIGTERM/SIGINT/SIGHUP and the drain completed.
    ///
    /// - Throws: socket set-up errors (address in use, bad endpoint) before anything is received.
    public func run(signals: ShutdownSignals) async throws {
        let config = configuration
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["enrichd_stage_duration_seconds"] = [
            .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250),
            .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
            .seconds(2.5), .seconds(10),
        ]
        let metrics = DaemonMetrics(factory: factory)
        let state = DaemonState()
        let notifier = SystemdNotifier(environment: environment)

        // Built before any socket opens: a connected input gets its share of a PUSH stream at once, and the
        // models take a while to load.
        let limits = EnvelopeLimits(maxBytes: config.maxPayloadBytes)
        let pipeline =
            config.enrichment
            ? ArticlePipeline(
                enrichers: ArticlePipeline.enrichers(
                    entities: config.entities, keywords: config.keywords, summarySentences: config.summarySentences),
                limits: limits,
                duplicates: config.duplicates > 0
                    ? DuplicateIndex(capacity: config.duplicates, window: config.duplicateWindow) : nil)
            : ArticlePipeline(parser: StandardArticleParser(language: nil), enrichers: [], limits: limits)
        if config.enrichment { warmUp(limits: limits) }
        // Opened first: a journal held by another worker or an unusable path stops start-up before any socket.
        let spool = try await openSpool(metrics: metrics)
        let context = try ZMQContext()
        let io = IOThread(context: context, name: "enrichd-zmq")
        try io.start()
        let input: InboundChannel
        let output: OutboundChannel
        let deadLetter: OutboundChannel?
        let authenticator = config.clientKeys.map { _ in makeAuthenticator(metrics: metrics) }
        do {
            if let authenticator, let directory = config.clientKeys {
                // Installed before any socket opens, so no CURVE handshake can happen without it.
                try await authenticator.install(on: io)
                reloadClientKeys(directory, into: authenticator)
            }
            output = try await io.openOutbound(config.output.spec(linger: config.linger), capacity: config.maxInFlight)
            if let spec = config.deadLetter?.spec(linger: config.linger) {
                deadLetter = try await io.openOutbound(spec, capacity: config.maxInFlight)
            } else {
                deadLetter = nil
            }
            input = try await io.openInbound(config.input.spec(linger: .zero), capacity: config.maxInFlight)
        } catch {
            await io.shutdown(linger: .zero)
            await spool?.close(releaseAll: false)
            throw error
        }
        state.markSocketsUp()
        logger.info(
            "daemon.sockets_open",
            metadata: [
                "zmq.input": "\(config.input.type.rawValue) \(config.input.mode.rawValue) \(config.input.endpoints)",
                "zmq.output":
                    "\(config.output.type.rawValue) \(config.output.mode.rawValue) \(config.output.endpoints)",
                "pipeline.max_in_flight": "\(config.maxInFlight)", "worker.name": "\(config.workerName)",
            ])

        var services: [any Service] = []
        if let http = config.http {
            services.append(
                HTTPService.make(host: http.host, port: http.port, registry: registry, state: state, logger: logger))
        }
        services.append(
            StatusService(
                input: input, output: output, io: io, state: state, metrics: metrics, notifier: notifier,
                waitForHTTP: config.http != nil, statusInterval: config.statusInterval, logger: logger))
        services.append(
            EgressService(
                io: io, linger: config.linger, drainTimeout: config.drainTimeout, state: state, metrics: metrics,
                logger: logger))
        services.append(
            PipelineService(
                input: input, output: output, deadLetter: deadLetter, spool: spool, pipeline: pipeline,
                outputTopic: config.output.type == .pub ? OutputTopic(config.output.topic) : nil,
                deadLetterTopic: config.deadLetter.flatMap { $0.type == .pub ? Array($0.topic.utf8) : nil },
                maxInFlight: config.maxInFlight, worker: config.workerName, metrics: metrics, state: state,
                logger: logger))
        services.append(IngressService(input: input, state: state, notifier: notifier, logger: logger))

        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = config.drainTimeout
        groupConfiguration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        do {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                tasks.addTask {
                    for await signal in signals.signals {
                        guard signal != SIGHUP else {
                            logger.notice("daemon.signal", metadata: ["signal.name": "SIGHUP"])
                            if let authenticator, let directory = config.clientKeys {
                                reloadClientKeys(directory, into: authenticator)
                            }
                            continue
                        }
                        logger.notice("daemon.signal", metadata: ["signal.name": "\(ShutdownSignals.name(signal))"])
                        await group.triggerGracefulShutdown()
                    }
                }
                try await tasks.next()
                signals.finish()
                try await tasks.waitForAll()
            }
        } catch {
            await io.shutdown(linger: .zero)
            await spool?.close(releaseAll: false)
            throw error
        }
        await io.shutdown(linger: .zero)
        if let spool {
            // Records still inside their release delay are removed only if the output flush finished early,
            // i.e. libzmq sent everything; otherwise they are replayed at the next start.
            await spool.close(releaseAll: state.outputFlushed)
            let (messages, bytes) = spool.pendingCount
            logger.notice(
                "spool.closed",
                metadata: [
                    "spool.pending": "\(messages)", "spool.pending_bytes": "\(bytes)",
                    "spool.flushed": "\(state.outputFlushed)",
                ])
        }
        logger.notice(
            "daemon.stopped",
            metadata: [
                "pipeline.accepted": "\(state.accepted.load(ordering: .relaxed))",
                "pipeline.finished": "\(state.finished.load(ordering: .relaxed))",
            ])
    }

    /// Runs one article through a copy of the pipeline without the duplicate index, so the models and tables
    /// load before the input opens rather than while the first articles wait.
    func warmUp(limits: EnvelopeLimits) {
        let started = ContinuousClock.now
        let warmUp = ArticlePipeline(
            enrichers: ArticlePipeline.enrichers(
                entities: configuration.entities, keywords: configuration.keywords,
                summarySentences: configuration.summarySentences),
            limits: limits)
        let article =
            #"{"id":"warm-up","title":"Council meets in Paris","text":"PARIS (Reuters) - The city council met on "#
            + #"Tuesday to approve a budget of $12 million. \"We are pleased,\" Mayor Anne Dupont said."}"#
        _ = warmUp.process(Array(article.utf8), context: ProcessingContext(worker: configuration.workerName))
        let elapsed = ContinuousClock.now - started
        logger.info(
            "pipeline.warmed_up",
            metadata: [
                "pipeline.warm_up_ms":
                    "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)"
            ])
    }

    /// Opens the configured spool with metrics and logs attached, or returns nil when it is off.
    func openSpool(metrics: DaemonMetrics) async throws -> Spool? {
        guard let configuration = configuration.spool else { return nil }
        let failures = ThrottledLog(interval: .seconds(10))
        let spool = try await Spool.open(configuration) { [logger] event in
            switch event {
            case .committed(_, let released, let duration, let messages, let bytes):
                metrics.spoolCommitDuration.record(duration: duration)
                metrics.spoolReleased.increment(by: released)
                metrics.spoolPendingMessages.record(messages)
                metrics.spoolPendingBytes.record(bytes)
            case .failed(let error):
                metrics.spoolErrors.increment()
                if failures.shouldLog("failed") { logger.error("spool.failed", metadata: ["error": "\(error)"]) }
            }
        }
        let (messages, bytes) = spool.pendingCount
        metrics.spoolPendingMessages.record(messages)
        metrics.spoolPendingBytes.record(bytes)
        logger.notice(
            "spool.opened",
            metadata: [
                "spool.path": "\(configuration.path)", "spool.backlog": "\(spool.backlog)",
                "spool.durability": "\(configuration.durability.rawValue)",
            ])
        return spool
    }

    /// A ZAP handler that counts every decision and logs refusals (public keys only; secrets never).
    func makeAuthenticator(metrics: DaemonMetrics) -> ZAPAuthenticator {
        let refusals = ThrottledLog(interval: .seconds(10))
        return ZAPAuthenticator(allowedKeys: []) { [logger] decision in
            metrics.authentication(result: decision.accepted ? "accepted" : "refused", mechanism: decision.mechanism)
            guard !decision.accepted, refusals.shouldLog("refused") else { return }
            logger.warning(
                "security.client_refused",
                metadata: [
                    "zap.mechanism": "\(decision.mechanism)", "zap.address": "\(decision.address)",
                    "zap.client_key": "\(decision.clientKey?.z85 ?? "-")",
                ])
        }
    }

    /// Replaces the admitted client keys with the directory's; a directory that cannot be read completely
    /// leaves the previous list in force.
    func reloadClientKeys(_ directory: ClientKeyDirectory, into authenticator: ZAPAuthenticator) {
        do {
            let (keys, files) = try directory.load()
            authenticator.replaceAllowedKeys(keys)
            logger.notice(
                "security.client_keys_loaded",
                metadata: [
                    "security.directory": "\(directory.path)", "security.keys": "\(keys.count)",
                    "security.files": "\(files.joined(separator: ","))",
                ])
        } catch {
            logger.error(
                "security.client_keys_unchanged",
                metadata: ["security.directory": "\(directory.path)", "error": "\(error)"])
        }
    }
}

import CoreMetrics
public import Logging
public import Prometheus
public import ServiceLifecycle
import Synchronization
public import ZeroMQ

/// Runs a ``WorkQueueBroker`` until graceful shutdown, exporting its counters every second and logging a
/// status line every `statusInterval`; at shutdown the broker drains before it stops.
///
/// `state` drives `/readyz` when an ``HTTPService`` runs beside it: ready once the sockets are open, not
/// ready from the start of the drain.
public struct BrokerService: Service {
    let broker: WorkQueueBroker
    let state: DaemonState
    let registry: PrometheusCollectorRegistry
    let statusInterval: Duration
    let logger: Logger

    /// Creates the service; the broker starts in ``run()``.
    public init(
        broker: WorkQueueBroker, state: DaemonState, registry: PrometheusCollectorRegistry, statusInterval: Duration,
        logger: Logger
    ) {
        self.broker = broker
        self.state = state
        self.registry = registry
        self.statusInterval = statusInterval
        self.logger = logger
    }

    /// Starts the broker and returns when it stopped; throws if it stopped on an error of its own.
    public func run() async throws {
        try broker.start()
        state.markSocketsUp()
        let endpoints = broker.boundEndpoints
        logger.notice(
            "broker.started",
            metadata: [
                "zmq.frontend": "\(broker.frontend.type.rawValue) \(broker.frontend.bind + broker.frontend.connect)",
                "zmq.backend": "router \(broker.backend.bind + broker.backend.connect)",
                "zmq.frontend_bound": "\(endpoints.frontend)", "zmq.backend_bound": "\(endpoints.backend)",
            ])
        let broker = broker
        let exporter = Exporter(registry: registry)
        let failure = await withTaskGroup(of: ZMQError?.self) { group in
            group.addTask { await broker.waitForExit() }
            group.addTask {
                var sinceStatus = Duration.zero
                while (try? await Task.sleep(for: .seconds(1))) != nil {
                    exporter.export(broker.statistics)
                    sinceStatus += .seconds(1)
                    if sinceStatus >= statusInterval {
                        sinceStatus = .zero
                        logger.info("broker.status", metadata: Self.metadata(broker.statistics))
                    }
                }
                return nil
            }
            group.addTask {
                try? await gracefulShutdown()
                return nil
            }
            let first = await group.next() ?? nil
            _ = state.beginDrain()
            logger.notice("broker.draining", metadata: Self.metadata(broker.statistics))
            await broker.stop()
            group.cancelAll()
            await group.waitForAll()
            return first
        }
        let statistics = broker.statistics
        exporter.export(statistics)
        if let failure {
            logger.critical("broker.failed", metadata: ["error": "\(failure)"])
            throw failure
        }
        if statistics.lostAtStop > 0 {
            logger.error("broker.stopped_with_jobs", metadata: Self.metadata(statistics))
        } else {
            logger.notice("broker.stopped", metadata: Self.metadata(statistics))
        }
    }

    static func metadata(_ statistics: WorkQueueBroker.Statistics) -> Logger.Metadata {
        [
            "broker.received": "\(statistics.received)", "broker.dispatched": "\(statistics.dispatched)",
            "broker.acknowledged": "\(statistics.acknowledged)", "broker.requeued": "\(statistics.requeued)",
            "broker.queued": "\(statistics.queued)", "broker.unacknowledged": "\(statistics.unacknowledged)",
            "broker.workers": "\(statistics.workers)", "broker.workers_expired": "\(statistics.workersExpired)",
            "broker.lost_at_stop": "\(statistics.lostAtStop)",
        ]
    }

    /// Mirrors ``WorkQueueBroker/Statistics`` into Prometheus counters (`enrichd_broker_*_total`) and gauges.
    final class Exporter: Sendable {
        typealias Statistics = WorkQueueBroker.Statistics
        let factory: PrometheusMetricsFactory
        let last = Mutex(Statistics())

        init(registry: PrometheusCollectorRegistry) {
            factory = PrometheusMetricsFactory(registry: registry)
        }

        func export(_ statistics: Statistics) {
            let previous = last.withLock { last in
                defer { last = statistics }
                return last
            }
            let counters: [(String, UInt64, UInt64)] = [
                ("received", statistics.received, previous.received),
                ("dispatched", statistics.dispatched, previous.dispatched),
                ("acknowledged", statistics.acknowledged, previous.acknowledged),
                ("requeued", statistics.requeued, previous.requeued),
                ("workers_left", statistics.workersLeft, previous.workersLeft),
                ("workers_expired", statistics.workersExpired, previous.workersExpired),
                ("protocol_errors", statistics.protocolErrors, previous.protocolErrors),
                ("lost_at_stop", statistics.lostAtStop, previous.lostAtStop),
            ]
            for (name, now, before) in counters {
                // Created on every export (the factory hands back the same counter), so each exists from the start.
                CoreMetrics.Counter(label: "enrichd_broker_\(name)_total", factory: factory)
                    .increment(by: Int(now &- min(before, now)))
            }
            let gauges = [
                ("queued", statistics.queued), ("unacknowledged", statistics.unacknowledged),
                ("workers", statistics.workers),
            ]
            for (name, value) in gauges {
                CoreMetrics.Gauge(label: "enrichd_broker_\(name)", factory: factory).record(value)
            }
        }
    }
}

import ArgumentParser
import Daemon
import Logging
import Prometheus
import ServiceLifecycle
import UnixSignals
import ZeroMQ

/// `enrichd broker`: a credit-based work queue between a PUSH or PUB source and N workers.
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Hand articles from a PULL or SUB frontend to workers that ask for them (input.type: dealer).",
        discussion: """
            Workers connect a DEALER input to the backend (ROUTER). Each gets only as many articles as it asked \
            for, and every article is kept until its worker acknowledged it: a worker that stops or restarts \
            loses nothing, and the articles of a worker that crashed or fell silent for --worker-timeout-ms go \
            to the others. SIGTERM/SIGINT stop reading the frontend and drain the queue for up to \
            --drain-timeout-ms.
            """
    )

    @Option(name: .long, help: "Frontend endpoint(s) to bind (the upstream PUSH connects); repeatable.")
    var frontend: [String] = []

    @Flag(name: .long, help: "Connect the frontend endpoints instead of binding.")
    var frontendConnect = false

    @Option(name: .long, help: "Frontend socket type: pull (default), sub.")
    var frontendType: String = "pull"

    @Option(name: .long, help: "SUB topic prefix; repeatable (default: every topic).")
    var topic: [String] = []

    @Option(name: .long, help: "Backend endpoint(s) to bind (workers connect their DEALER inputs); repeatable.")
    var backend: [String] = []

    @Flag(name: .long, help: "Connect the backend endpoints instead of binding.")
    var backendConnect = false

    @Option(name: .long, help: "ZMQ_RCVHWM of the frontend and ZMQ_SNDHWM of the backend.")
    var highWaterMark: Int32 = 1000

    @Option(name: .long, help: "Most articles waiting for a worker; the frontend is not read while full.")
    var maxQueued: Int = 10_000

    @Option(name: .long, help: "A worker silent for this long is dropped and its articles requeued (ms).")
    var workerTimeoutMs: Int = 5000

    @Option(name: .long, help: "How long a stopping broker keeps handing out and waiting for acknowledgements (ms).")
    var drainTimeoutMs: Int = 10_000

    @Option(name: .long, help: "Serve /metrics, /healthz and /readyz on this port (0 = off).")
    var httpPort: Int = 0

    @Option(name: .long, help: "Address of the HTTP endpoint.")
    var httpHost: String = "127.0.0.1"

    @Option(name: .long, help: "Seconds between status log lines.")
    var statusIntervalS: Int = 10

    @Option(name: .long, help: "Log level.")
    var logLevel: String = "info"

    func validate() throws {
        guard !frontend.isEmpty, !backend.isEmpty else {
            throw ValidationError("--frontend and --backend are required")
        }
        guard ["sub", "pull"].contains(frontendType) else { throw ValidationError("--frontend-type is pull or sub") }
        guard highWaterMark > 0 else { throw ValidationError("--high-water-mark must be positive") }
        guard (1...10_000_000).contains(maxQueued) else { throw ValidationError("--max-queued must be 1...10000000") }
        guard (2000...3_600_000).contains(workerTimeoutMs) else {
            throw ValidationError("--worker-timeout-ms must be 2000...3600000 (workers send a heartbeat every second)")
        }
        guard (0...600_000).contains(drainTimeoutMs) else {
            throw ValidationError("--drain-timeout-ms must be 0...600000")
        }
        guard (0...65535).contains(httpPort) else { throw ValidationError("--http-port must be 0...65535") }
        guard statusIntervalS > 0 else { throw ValidationError("--status-interval-s must be positive") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, level: level, format: .text) }
        let logger = Logger(label: "enrichd.broker")
        let type: SocketType = frontendType == "sub" ? .sub : .pull
        var frontOptions: [SocketOption] = [.receiveHighWaterMark(highWaterMark)]
        if type == .sub {
            frontOptions += (topic.isEmpty ? [""] : topic).map { .subscribe(Array($0.utf8)) }
        }
        let context = try ZMQContext()
        let broker = WorkQueueBroker(
            context: context,
            frontend: SocketSpec(
                name: "frontend", type: type, bind: frontendConnect ? [] : frontend,
                connect: frontendConnect ? frontend : [], options: frontOptions),
            backend: SocketSpec(
                name: "backend", type: .router, bind: backendConnect ? [] : backend,
                connect: backendConnect ? backend : [], options: [.sendHighWaterMark(highWaterMark)]),
            configuration: .init(
                maxQueued: maxQueued, workerTimeout: .milliseconds(workerTimeoutMs),
                drainTimeout: .milliseconds(drainTimeoutMs)),
            name: "enrichd-broker")
        let registry = PrometheusCollectorRegistry()
        let state = DaemonState()
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if httpPort > 0 {
            services.append(
                .init(
                    service: HTTPService.make(
                        host: httpHost, port: httpPort, registry: registry, state: state, logger: logger)))
        }
        services.append(
            .init(
                service: BrokerService(
                    broker: broker, state: state, registry: registry, statusInterval: .seconds(statusIntervalS),
                    logger: logger)))
        var configuration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .milliseconds(drainTimeoutMs) + .seconds(10)
        configuration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        do {
            try await group.run()
        } catch {
            logger.critical("broker.failed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

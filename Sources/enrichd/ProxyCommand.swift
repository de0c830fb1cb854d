import ArgumentParser
import Daemon
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import ZeroMQ

/// `enrichd proxy`: one subscription to a PUB stream, shared by N workers over PUSH (zmq_proxy_steerable).
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Forward a PUB stream (SUB frontend) to workers over PUSH, so that each article reaches one worker.",
        discussion: """
            Frames pass unchanged: workers use `input.type: pull` and receive [topic][payload]. \
            SIGTERM/SIGINT stop the proxy; the backend flushes for up to --linger-ms.
            """
    )

    @Option(name: .long, help: "Frontend endpoint(s) to connect to (the PUB sources); repeatable.")
    var frontend: [String] = []

    @Flag(name: .long, help: "Bind the frontend endpoints instead of connecting.")
    var frontendBind = false

    @Option(name: .long, help: "Frontend socket type: sub (default), pull.")
    var frontendType: String = "sub"

    @Option(name: .long, help: "SUB topic prefix; repeatable (default: every topic).")
    var topic: [String] = []

    @Option(name: .long, help: "Backend endpoint(s) to bind (workers connect their PULL inputs); repeatable.")
    var backend: [String] = []

    @Flag(name: .long, help: "Connect the backend endpoints instead of binding.")
    var backendConnect = false

    @Option(name: .long, help: "ZMQ_RCVHWM of the frontend and ZMQ_SNDHWM of the backend.")
    var highWaterMark: Int32 = 1000

    @Option(name: .long, help: "How long queued messages may take to reach workers at stop (ms).")
    var lingerMs: Int = 2000

    @Option(name: .long, help: "Log level.")
    var logLevel: String = "info"

    func validate() throws {
        guard !frontend.isEmpty, !backend.isEmpty else {
            throw ValidationError("--frontend and --backend are required")
        }
        guard ["sub", "pull"].contains(frontendType) else { throw ValidationError("--frontend-type is sub or pull") }
        guard highWaterMark > 0 else { throw ValidationError("--high-water-mark must be positive") }
        guard (0...600_000).contains(lingerMs) else { throw ValidationError("--linger-ms must be 0...600000") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, level: level, format: .text) }
        let logger = Logger(label: "enrichd.proxy")
        let type: SocketType = frontendType == "pull" ? .pull : .sub
        var frontOptions: [SocketOption] = [.receiveHighWaterMark(highWaterMark), .linger(.zero)]
        if type == .sub {
            frontOptions += (topic.isEmpty ? [""] : topic).map { .subscribe(Array($0.utf8)) }
        }
        let context = try ZMQContext()
        let proxy = SocketProxy(
            context: context,
            frontend: SocketSpec(
                name: "frontend", type: type, bind: frontendBind ? frontend : [],
                connect: frontendBind ? [] : frontend, options: frontOptions),
            backend: SocketSpec(
                name: "backend", type: .push, bind: backendConnect ? [] : backend,
                connect: backendConnect ? backend : [],
                options: [.sendHighWaterMark(highWaterMark), .linger(.milliseconds(lingerMs))]),
            name: "enrichd-proxy")
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: ProxyService(proxy: proxy, logger: logger))],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .milliseconds(lingerMs) + .seconds(10)
        configuration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        do {
            try await group.run()
        } catch {
            logger.critical("proxy.failed", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

public import Logging
public import ServiceLifecycle
public import ZeroMQ

/// Runs a ``SocketProxy`` (e.g. SUB → PUSH) until graceful shutdown, then stops it through its control socket.
public struct ProxyService: Service {
    let proxy: SocketProxy
    let logger: Logger

    /// Creates the service; the proxy starts in ``run()``.
    public init(proxy: SocketProxy, logger: Logger) {
        self.proxy = proxy
        self.logger = logger
    }

    /// Starts the proxy and returns when it stopped; throws if it stopped on an error of its own.
    public func run() async throws {
        try proxy.start()
        let endpoints = proxy.boundEndpoints
        logger.notice(
            "proxy.started",
            metadata: [
                "zmq.frontend": "\(proxy.frontend.type.rawValue) \(proxy.frontend.bind + proxy.frontend.connect)",
                "zmq.backend": "\(proxy.backend.type.rawValue) \(proxy.backend.bind + proxy.backend.connect)",
                "zmq.frontend_bound": "\(endpoints.frontend)", "zmq.backend_bound": "\(endpoints.backend)",
            ])
        let proxy = proxy
        let failure = await withTaskGroup(of: ZMQError?.self) { group in
            group.addTask { await proxy.waitForExit() }
            group.addTask {
                try? await gracefulShutdown()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            await proxy.terminate()
            await group.waitForAll()
            return first
        }
        if let failure {
            logger.critical("proxy.failed", metadata: ["error": "\(failure)"])
            throw failure
        }
        logger.notice("proxy.stopped")
    }
}

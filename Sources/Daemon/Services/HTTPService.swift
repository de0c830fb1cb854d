public import Hummingbird
public import Logging
public import Prometheus

/// The HTTP endpoint: `/metrics` (Prometheus text), `/healthz` (alive) and `/readyz`.
///
/// `/readyz` answers 200 only while the sockets are up and the daemon is not draining, so a load
/// balancer or orchestrator stops routing to a worker as soon as SIGTERM arrives.
public enum HTTPService {
    /// Builds the Hummingbird application (a `Service`) serving the three endpoints.
    public static func make(
        host: String, port: Int, registry: PrometheusCollectorRegistry, state: DaemonState, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        router.get("healthz") { _, _ in
            "ok\n"
        }
        router.get("readyz") { _, _ -> Response in
            let ready = state.isReady
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                body: ResponseBody(
                    byteBuffer: ByteBuffer(string: ready ? "ready\n" : (state.isDraining ? "draining\n" : "starting\n"))
                ))
        }
        var httpLogger = logger
        httpLogger.logLevel = max(logger.logLevel, .notice)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "enrichd"),
            onServerRunning: { channel in
                logger.notice(
                    "http.listening", metadata: ["http.address": "\(channel.localAddress?.description ?? "?")"])
                state.markHTTPListening()
            },
            logger: httpLogger
        )
    }
}

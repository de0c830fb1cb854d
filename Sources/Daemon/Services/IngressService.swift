public import Logging
public import ServiceLifecycle
public import ZeroMQ

/// Owns the intake side of the drain: on SIGTERM/SIGINT it stops accepting messages.
///
/// Listed last in the service group so it is the first to see graceful shutdown: it marks the
/// daemon as draining (`/readyz` turns 503, systemd gets `STOPPING=1`) and closes the input
/// bridge, after which ``PipelineService`` finishes what was already received.
public struct IngressService: Service {
    let input: InboundChannel
    let state: DaemonState
    let notifier: SystemdNotifier
    let logger: Logger

    /// Creates the service.
    public init(input: InboundChannel, state: DaemonState, notifier: SystemdNotifier, logger: Logger) {
        self.input = input
        self.state = state
        self.notifier = notifier
        self.logger = logger
    }

    /// Waits for graceful shutdown (or cancellation), then stops intake.
    public func run() async {
        try? await gracefulShutdown()
        if state.beginDrain() {
            notifier.notify("STOPPING=1\nSTATUS=draining")
            logger.notice("drain.started", metadata: ["drain.buffered": "\(input.bufferedCount)"])
        }
        await input.close()
    }
}

extension ConfigurationKey {
    /// Every key the daemon reads, in the order of `config/enrichd.yaml`.
    public static let all: [ConfigurationKey] = [
        .init(
            "worker.name", .string, "\"\"",
            "Worker identity put in every output; empty = hostname, plus the systemd instance when run as enrichd@N."),

        .init(
            "input.type", .string, "pull", "Input socket: `pull` (frames [payload]), `sub` (frames [topic][payload]) or `dealer` (a work queue: connect to `enrichd broker`)."
        ),
        .init("input.mode", .string, "connect", "`bind` or `connect` the input endpoints."),
        .init(
            "input.endpoints", .stringArray, "[tcp://127.0.0.1:5557]",
            "One or more tcp://, ipc:// or inproc:// endpoints."),
        .init(
            "input.topics", .stringArray, "[]",
            "SUB only and then required: topic prefixes to subscribe to; [\"\"] subscribes to everything."),
        .init(
            "input.highWaterMark", .int, "1000",
            "ZMQ_RCVHWM: messages libzmq queues before upstream PUSH blocks or PUB drops."),
        .init(
            "input.maxMessageBytes", .int, "16777216",
            "ZMQ_MAXMSGSIZE: larger messages make libzmq drop the peer connection; -1 = unlimited."),
        .init("input.reconnectIntervalMs", .int, "100", "ZMQ_RECONNECT_IVL for connected endpoints."),
        .init("input.reconnectIntervalMaxMs", .int, "5000", "ZMQ_RECONNECT_IVL_MAX: exponential backoff ceiling."),
        .init("input.heartbeatIntervalMs", .int, "0", "ZMQ_HEARTBEAT_IVL (ZMTP PING); 0 = off."),
        .init("input.heartbeatTimeoutMs", .int, "0", "ZMQ_HEARTBEAT_TIMEOUT; 0 = the interval."),
        .init("input.heartbeatTtlMs", .int, "0", "ZMQ_HEARTBEAT_TTL announced to the peer; 0 = off."),
        .init("input.tcpKeepalive", .bool, "true", "ZMQ_TCP_KEEPALIVE on tcp:// connections."),
        .init(
            "input.curveRole", .string, "none",
            "CURVE encryption: `none`, `server` (admits only client keys in security.clientKeysDirectory) or `client`."),
        .init(
            "input.curveSecretKeyFile", .string, "\"\"",
            "This socket's secret key file (`enrichd keygen`; mode 0600); the public key is derived from it."),
        .init(
            "input.curveServerKeyFile", .string, "\"\"", "curveRole client: the server's public key file."),

        .init("output.type", .string, "push", "Output socket: `push` (frames [json]) or `pub` (frames [topic][json])."),
        .init("output.mode", .string, "bind", "`bind` or `connect` the output endpoints."),
        .init("output.endpoints", .stringArray, "[tcp://127.0.0.1:5558]", "One or more endpoints."),
        .init(
            "output.topic", .string, "articles",
            "PUB topic: a fixed string or a template with {source}, {language}, {worker} (missing values become `unknown`)."
        ),
        .init(
            "output.highWaterMark", .int, "1000",
            "ZMQ_SNDHWM: when full, PUSH intake pauses (backpressure); PUB drops, each drop counted in enrichd_messages_dropped_total."),
        .init("output.immediate", .bool, "false", "ZMQ_IMMEDIATE: queue only to completed connections."),
        .init("output.reconnectIntervalMs", .int, "100", "ZMQ_RECONNECT_IVL for connected endpoints."),
        .init("output.reconnectIntervalMaxMs", .int, "5000", "ZMQ_RECONNECT_IVL_MAX."),
        .init("output.heartbeatIntervalMs", .int, "0", "ZMQ_HEARTBEAT_IVL; 0 = off."),
        .init("output.heartbeatTimeoutMs", .int, "0", "ZMQ_HEARTBEAT_TIMEOUT; 0 = the interval."),
        .init("output.heartbeatTtlMs", .int, "0", "ZMQ_HEARTBEAT_TTL; 0 = off."),
        .init("output.tcpKeepalive", .bool, "true", "ZMQ_TCP_KEEPALIVE."),
        .init(
            "output.curveRole", .string, "none",
            "CURVE encryption: `none`, `server` (admits only client keys in security.clientKeysDirectory) or `client`."),
        .init(
            "output.curveSecretKeyFile", .string, "\"\"",
            "This socket's secret key file (`enrichd keygen`; mode 0600); the public key is derived from it."),
        .init(
            "output.curveServerKeyFile", .string, "\"\"", "curveRole client: the server's public key file."),

        .init(
            "deadLetter.enabled", .bool, "false",
            "Send records of messages that could not be processed to their own socket (otherwise they are logged and counted)."
        ),
        .init("deadLetter.type", .string, "push", "`push` or `pub`."),
        .init("deadLetter.mode", .string, "bind", "`bind` or `connect`."),
        .init("deadLetter.endpoints", .stringArray, "[tcp://127.0.0.1:5559]", "Dead-letter endpoints."),
        .init("deadLetter.topic", .string, "deadletter", "PUB topic of dead-letter records."),
        .init("deadLetter.highWaterMark", .int, "1000", "ZMQ_SNDHWM of the dead-letter socket."),
        .init(
            "deadLetter.curveRole", .string, "none",
            "CURVE encryption: `none`, `server` (admits only client keys in security.clientKeysDirectory) or `client`."),
        .init(
            "deadLetter.curveSecretKeyFile", .string, "\"\"",
            "This socket's secret key file (`enrichd keygen`; mode 0600); the public key is derived from it."),
        .init(
            "deadLetter.curveServerKeyFile", .string, "\"\"", "curveRole client: the server's public key file."),

        .init(
            "security.clientKeysDirectory", .string, "\"\"",
            "Directory of client public keys (*.pub) that CURVE server sockets admit; re-read on SIGHUP. Required when a socket is a CURVE server."),

        .init("pipeline.maxInFlight", .int, "0", "Articles received but not yet published; 0 = 4 × CPU cores."),
        .init(
            "pipeline.enrichment", .bool, "true",
            "false = pass-through (decode, parse and encode only; no language detection or enrichers), for transport benchmarks."),
        .init(
            "pipeline.entities", .bool, "true",
            "Tag named entities (`enrichment.entities`); false saves about 0.7 ms of CPU per 6 KB article."),
        .init("pipeline.keywords", .int, "10", "Keyphrases per article (`enrichment.keywords`); 0 = none."),
        .init(
            "pipeline.summarySentences", .int, "3",
            "Sentences in the extractive summary (`enrichment.summary`); 0 = none."),
        .init(
            "pipeline.duplicates", .int, "10000",
            "Fingerprints of recent articles kept to mark near-duplicates (`enrichment.duplicate_of`); 0 = off."),
        .init(
            "pipeline.duplicateWindowSeconds", .int, "86400",
            "How long a fingerprint is kept for near-duplicate marking."),
        .init(
            "pipeline.maxPayloadBytes", .int, "16777216", "Payloads larger than this are dead-lettered as `too_large`."),

        .init(
            "shutdown.drainTimeoutMs", .int, "20000",
            "On SIGTERM: deadline to finish received work; keep it below systemd's TimeoutStopSec."),
        .init(
            "shutdown.lingerMs", .int, "2000",
            "Part of the drain deadline reserved to flush queued output (ZMQ_LINGER at close)."),

        .init(
            "spool.path", .string, "\"\"",
            "Durable journal (SQLite, WAL) of received messages, replayed first after a crash; empty = off. A relative path is resolved against $STATE_DIRECTORY (systemd StateDirectory=), else the working directory."),
        .init(
            "spool.maxBytes", .int, "268435456",
            "Most bytes of unreleased messages in the journal; when full, intake waits (backpressure)."),
        .init(
            "spool.durability", .string, "process",
            "`process`: a commit survives a crash or SIGKILL of the daemon; `host`: also a power loss (fsync per commit)."),
        .init(
            "spool.releaseDelayMs", .int, "1000",
            "How long a message stays journaled after its output was handed to libzmq, to cover libzmq's send queue."),

        .init("http.enabled", .bool, "true", "Serve /metrics, /healthz and /readyz."),
        .init("http.host", .string, "127.0.0.1", "HTTP listen address."),
        .init("http.port", .int, "9464", "HTTP port; 0 picks a free port (logged)."),

        .init("log.level", .string, "info", "trace, debug, info, notice, warning, error or critical."),
        .init("log.format", .string, "text", "`text` (journald level prefix <N>) or `json` (one object per line)."),

        .init(
            "systemd.statusIntervalMs", .int, "5000",
            "How often STATUS= (throughput) and WATCHDOG=1 are sent when NOTIFY_SOCKET is set."),
    ]

    /// Looks up a key by its dotted name.
    public static func named(_ name: String) -> ConfigurationKey? {
        all.first { $0.name == name }
    }
}

internal import CZeroMQ

/// A typed socket option with its value, type-erased so it is `Sendable` and can cross to the I/O thread.
///
/// Durations are converted to whole milliseconds (rounded down, clamped to `Int32`); byte sizes are bytes.
/// The ``description`` is the libzmq name and value, e.g. `ZMQ_SNDHWM=1000`.
public struct SocketOption: Sendable, Hashable, CustomStringConvertible {
    /// The C representation of an option value.
    enum Value: Sendable, Hashable {
        case int32(Int32)
        case int64(Int64)
        case bytes([UInt8])
        /// Key material: set like `bytes`, never printed.
        case secret([UInt8])
    }

    /// The `ZMQ_*` name, for descriptions and errors.
    let name: String
    /// The `ZMQ_*` option number.
    let option: Int32
    /// The value to set.
    let value: Value

    init(_ name: String, _ option: Int32, _ value: Value) {
        self.name = name
        self.option = option
        self.value = value
    }

    /// `ZMQ_NAME=value`; byte values are shown as their length and a printable prefix.
    public var description: String {
        switch value {
        case .int32(let v): return "\(name)=\(v)"
        case .int64(let v): return "\(name)=\(v)"
        case .bytes(let bytes):
            let text = String(decoding: bytes.prefix(32), as: UTF8.self)
            return "\(name)=\"\(text)\"(\(bytes.count) bytes)"
        case .secret(let bytes):
            return "\(name)=<\(bytes.count) bytes>"
        }
    }

    /// Maximum queued outbound messages per peer (`ZMQ_SNDHWM`); `0` means unlimited.
    public static func sendHighWaterMark(_ v: Int32) -> SocketOption { .init("ZMQ_SNDHWM", ZMQ_SNDHWM, .int32(v)) }

    /// Maximum queued inbound messages per peer (`ZMQ_RCVHWM`); `0` means unlimited.
    public static func receiveHighWaterMark(_ v: Int32) -> SocketOption {
        .init("ZMQ_RCVHWM", ZMQ_RCVHWM, .int32(v))
    }

    /// How long unsent messages are kept after close (`ZMQ_LINGER`).
    ///
    /// Negative durations are treated as zero: this wrapper never allows an unbounded linger.
    public static func linger(_ d: Duration) -> SocketOption {
        .init("ZMQ_LINGER", ZMQ_LINGER, .int32(max(0, d.zmqMilliseconds)))
    }

    /// Queue messages only to completed connections (`ZMQ_IMMEDIATE`).
    public static func immediate(_ on: Bool) -> SocketOption {
        .init("ZMQ_IMMEDIATE", ZMQ_IMMEDIATE, .int32(on ? 1 : 0))
    }

    /// Initial reconnection delay (`ZMQ_RECONNECT_IVL`); a negative value disables reconnection.
    public static func reconnectInterval(_ d: Duration) -> SocketOption {
        .init("ZMQ_RECONNECT_IVL", ZMQ_RECONNECT_IVL, .int32(d.zmqMilliseconds))
    }

    /// Upper bound of the exponential reconnection back-off (`ZMQ_RECONNECT_IVL_MAX`); zero disables back-off.
    public static func reconnectIntervalMax(_ d: Duration) -> SocketOption {
        .init("ZMQ_RECONNECT_IVL_MAX", ZMQ_RECONNECT_IVL_MAX, .int32(d.zmqMilliseconds))
    }

    /// Interval between ZMTP heartbeat PINGs (`ZMQ_HEARTBEAT_IVL`); zero disables heartbeats.
    public static func heartbeatInterval(_ d: Duration) -> SocketOption {
        .init("ZMQ_HEARTBEAT_IVL", ZMQ_HEARTBEAT_IVL, .int32(d.zmqMilliseconds))
    }

    /// How long to wait for a PONG before closing the connection (`ZMQ_HEARTBEAT_TIMEOUT`).
    public static func heartbeatTimeout(_ d: Duration) -> SocketOption {
        .init("ZMQ_HEARTBEAT_TIMEOUT", ZMQ_HEARTBEAT_TIMEOUT, .int32(d.zmqMilliseconds))
    }

    /// Time-to-live announced to the peer in PINGs (`ZMQ_HEARTBEAT_TTL`, deciseconds precision).
    public static func heartbeatTTL(_ d: Duration) -> SocketOption {
        .init("ZMQ_HEARTBEAT_TTL", ZMQ_HEARTBEAT_TTL, .int32(d.zmqMilliseconds))
    }

    /// Largest inbound message in bytes (`ZMQ_MAXMSGSIZE`); a peer sending more is disconnected. `-1` = unlimited.
    public static func maxMessageSize(_ bytes: Int64) -> SocketOption {
        .init("ZMQ_MAXMSGSIZE", ZMQ_MAXMSGSIZE, .int64(bytes))
    }

    /// Enables TCP keep-alive (`ZMQ_TCP_KEEPALIVE`).
    public static func tcpKeepalive(_ on: Bool) -> SocketOption {
        .init("ZMQ_TCP_KEEPALIVE", ZMQ_TCP_KEEPALIVE, .int32(on ? 1 : 0))
    }

    /// Idle time before the first keep-alive probe (`ZMQ_TCP_KEEPALIVE_IDLE`).
    public static func tcpKeepaliveIdle(seconds: Int32) -> SocketOption {
        .init("ZMQ_TCP_KEEPALIVE_IDLE", ZMQ_TCP_KEEPALIVE_IDLE, .int32(seconds))
    }

    /// Interval between keep-alive probes (`ZMQ_TCP_KEEPALIVE_INTVL`).
    public static func tcpKeepaliveInterval(seconds: Int32) -> SocketOption {
        .init("ZMQ_TCP_KEEPALIVE_INTVL", ZMQ_TCP_KEEPALIVE_INTVL, .int32(seconds))
    }

    /// Unanswered probes before the connection is dropped (`ZMQ_TCP_KEEPALIVE_CNT`).
    public static func tcpKeepaliveCount(_ count: Int32) -> SocketOption {
        .init("ZMQ_TCP_KEEPALIVE_CNT", ZMQ_TCP_KEEPALIVE_CNT, .int32(count))
    }

    /// Adds a topic prefix filter on a SUB socket (`ZMQ_SUBSCRIBE`); an empty prefix matches everything.
    public static func subscribe(_ prefix: [UInt8]) -> SocketOption {
        .init("ZMQ_SUBSCRIBE", ZMQ_SUBSCRIBE, .bytes(prefix))
    }

    /// Removes a topic prefix filter (`ZMQ_UNSUBSCRIBE`).
    public static func unsubscribe(_ prefix: [UInt8]) -> SocketOption {
        .init("ZMQ_UNSUBSCRIBE", ZMQ_UNSUBSCRIBE, .bytes(prefix))
    }

    /// The identity announced to ROUTER peers (`ZMQ_ROUTING_ID`), 1–255 bytes not starting with 0.
    public static func routingID(_ id: [UInt8]) -> SocketOption {
        .init("ZMQ_ROUTING_ID", ZMQ_ROUTING_ID, .bytes(id))
    }

    /// Makes a ROUTER fail a send to an unknown or disconnected peer (`EHOSTUNREACH`) instead of dropping it
    /// silently (`ZMQ_ROUTER_MANDATORY`).
    public static func routerMandatory(_ on: Bool) -> SocketOption {
        .init("ZMQ_ROUTER_MANDATORY", ZMQ_ROUTER_MANDATORY, .int32(on ? 1 : 0))
    }

    /// Makes XPUB/PUB report `EAGAIN` at the high-water mark instead of dropping (`ZMQ_XPUB_NODROP`).
    public static func xpubNoDrop(_ on: Bool) -> SocketOption {
        .init("ZMQ_XPUB_NODROP", ZMQ_XPUB_NODROP, .int32(on ? 1 : 0))
    }

    /// Makes the socket a CURVE server (`ZMQ_CURVE_SERVER`); it also needs ``curveSecretKey(_:)``.
    public static func curveServer(_ on: Bool) -> SocketOption {
        .init("ZMQ_CURVE_SERVER", ZMQ_CURVE_SERVER, .int32(on ? 1 : 0))
    }

    /// This socket's long-term public key (`ZMQ_CURVE_PUBLICKEY`); CURVE clients need it.
    public static func curvePublicKey(_ key: CurveKey) -> SocketOption {
        .init("ZMQ_CURVE_PUBLICKEY", ZMQ_CURVE_PUBLICKEY, .secret(key.bytes))
    }

    /// This socket's long-term secret key (`ZMQ_CURVE_SECRETKEY`); never shown in descriptions.
    public static func curveSecretKey(_ key: CurveKey) -> SocketOption {
        .init("ZMQ_CURVE_SECRETKEY", ZMQ_CURVE_SECRETKEY, .secret(key.bytes))
    }

    /// The server's public key a CURVE client expects (`ZMQ_CURVE_SERVERKEY`); setting it makes a client.
    public static func curveServerKey(_ key: CurveKey) -> SocketOption {
        .init("ZMQ_CURVE_SERVERKEY", ZMQ_CURVE_SERVERKEY, .secret(key.bytes))
    }

    /// The ZAP domain the socket's handshakes are authenticated in (`ZMQ_ZAP_DOMAIN`).
    public static func zapDomain(_ domain: String) -> SocketOption {
        .init("ZMQ_ZAP_DOMAIN", ZMQ_ZAP_DOMAIN, .bytes(Array(domain.utf8)))
    }

    /// How long a blocking ``ZMQSocket/send(_:nonBlocking:)`` waits (`ZMQ_SNDTIMEO`); negative = forever.
    public static func sendTimeout(_ d: Duration) -> SocketOption {
        .init("ZMQ_SNDTIMEO", ZMQ_SNDTIMEO, .int32(d.zmqMilliseconds))
    }

    /// How long a blocking ``ZMQSocket/receive(nonBlocking:)`` waits (`ZMQ_RCVTIMEO`); negative = forever.
    public static func receiveTimeout(_ d: Duration) -> SocketOption {
        .init("ZMQ_RCVTIMEO", ZMQ_RCVTIMEO, .int32(d.zmqMilliseconds))
    }
}

extension Duration {
    /// Whole milliseconds, rounded toward zero and clamped to `Int32`, as libzmq options expect.
    var zmqMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        if millis.overflow { return seconds < 0 ? Int32.min : Int32.max }
        return Int32(clamping: millis.partialValue + attoseconds / 1_000_000_000_000_000)
    }
}

internal import CZeroMQ

/// A readable socket option whose value is decoded to `Value`, for ``ZMQSocket/get(_:)``.
///
/// Durations come back in milliseconds; libzmq reports "infinite" (e.g. a timeout of `-1`) as
/// `.milliseconds(-1)`.
public struct SocketOptionKey<Value>: Sendable, CustomStringConvertible {
    /// The `ZMQ_*` name.
    let name: String
    /// Reads and decodes the option from a socket.
    let read: @Sendable (SocketHandle) throws(ZMQError) -> Value

    /// The libzmq name of the option, e.g. `ZMQ_SNDHWM`.
    public var description: String { name }

    static func int32(_ name: String, _ option: Int32, _ convert: @escaping @Sendable (Int32) -> Value)
        -> SocketOptionKey
    {
        SocketOptionKey(name: name) { (socket: SocketHandle) throws(ZMQError) -> Value in
            convert(try socket.getInt32(option, name: name))
        }
    }
}

extension SocketOptionKey where Value == Int32 {
    /// `ZMQ_SNDHWM`.
    public static var sendHighWaterMark: Self { .int32("ZMQ_SNDHWM", ZMQ_SNDHWM) { $0 } }
    /// `ZMQ_RCVHWM`.
    public static var receiveHighWaterMark: Self { .int32("ZMQ_RCVHWM", ZMQ_RCVHWM) { $0 } }
    /// `ZMQ_TCP_KEEPALIVE`: `-1` (system default), `0` or `1`.
    public static var tcpKeepalive: Self { .int32("ZMQ_TCP_KEEPALIVE", ZMQ_TCP_KEEPALIVE) { $0 } }
}

extension SocketOptionKey where Value == Bool {
    /// `ZMQ_IMMEDIATE`.
    public static var immediate: Self { .int32("ZMQ_IMMEDIATE", ZMQ_IMMEDIATE) { $0 != 0 } }
    /// `ZMQ_RCVMORE`: more frames of the current message follow.
    public static var receiveMore: Self { .int32("ZMQ_RCVMORE", ZMQ_RCVMORE) { $0 != 0 } }
}

extension SocketOptionKey where Value == Duration {
    /// `ZMQ_LINGER`.
    public static var linger: Self { .int32("ZMQ_LINGER", ZMQ_LINGER) { .milliseconds($0) } }
    /// `ZMQ_RECONNECT_IVL`.
    public static var reconnectInterval: Self {
        .int32("ZMQ_RECONNECT_IVL", ZMQ_RECONNECT_IVL) { .milliseconds($0) }
    }
    /// `ZMQ_RECONNECT_IVL_MAX`.
    public static var reconnectIntervalMax: Self {
        .int32("ZMQ_RECONNECT_IVL_MAX", ZMQ_RECONNECT_IVL_MAX) { .milliseconds($0) }
    }
    /// `ZMQ_HEARTBEAT_IVL`.
    public static var heartbeatInterval: Self {
        .int32("ZMQ_HEARTBEAT_IVL", ZMQ_HEARTBEAT_IVL) { .milliseconds($0) }
    }
    /// `ZMQ_HEARTBEAT_TIMEOUT`.
    public static var heartbeatTimeout: Self {
        .int32("ZMQ_HEARTBEAT_TIMEOUT", ZMQ_HEARTBEAT_TIMEOUT) { .milliseconds($0) }
    }
    /// `ZMQ_SNDTIMEO`.
    public static var sendTimeout: Self { .int32("ZMQ_SNDTIMEO", ZMQ_SNDTIMEO) { .milliseconds($0) } }
    /// `ZMQ_RCVTIMEO`.
    public static var receiveTimeout: Self { .int32("ZMQ_RCVTIMEO", ZMQ_RCVTIMEO) { .milliseconds($0) } }
}

extension SocketOptionKey where Value == Int64 {
    /// `ZMQ_MAXMSGSIZE` in bytes; `-1` is unlimited.
    public static var maxMessageSize: Self {
        SocketOptionKey(name: "ZMQ_MAXMSGSIZE") { (socket: SocketHandle) throws(ZMQError) -> Int64 in
            try socket.getInt64(ZMQ_MAXMSGSIZE, name: "ZMQ_MAXMSGSIZE")
        }
    }
}

extension SocketOptionKey where Value == String {
    /// `ZMQ_LAST_ENDPOINT`: the endpoint last bound or connected, with wildcards resolved.
    public static var lastEndpoint: Self {
        SocketOptionKey(name: "ZMQ_LAST_ENDPOINT") { (socket: SocketHandle) throws(ZMQError) -> String in
            try socket.getString(ZMQ_LAST_ENDPOINT, name: "ZMQ_LAST_ENDPOINT")
        }
    }
}

extension SocketOptionKey where Value == [UInt8] {
    /// `ZMQ_ROUTING_ID`.
    public static var routingID: Self {
        SocketOptionKey(name: "ZMQ_ROUTING_ID") { (socket: SocketHandle) throws(ZMQError) -> [UInt8] in
            try socket.getBytes(ZMQ_ROUTING_ID, name: "ZMQ_ROUTING_ID")
        }
    }
}

extension SocketOptionKey where Value == SocketType {
    /// `ZMQ_TYPE`.
    public static var type: Self {
        SocketOptionKey(name: "ZMQ_TYPE") { (socket: SocketHandle) throws(ZMQError) -> SocketType in
            let raw = try socket.getInt32(ZMQ_TYPE, name: "ZMQ_TYPE")
            guard let type = SocketType(rawType: raw) else {
                throw ZMQError(
                    code: .system, operation: "zmq_getsockopt", detail: "ZMQ_TYPE", reason: "unknown type \(raw)"
                )
            }
            return type
        }
    }
}

extension SocketOptionKey where Value == PollEvents {
    /// `ZMQ_EVENTS`: whether a message can be received or sent now.
    public static var events: Self {
        .int32("ZMQ_EVENTS", ZMQ_EVENTS) { PollEvents(rawValue: Int16(truncatingIfNeeded: $0)) }
    }
}

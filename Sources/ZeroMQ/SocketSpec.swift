/// A description of a socket for ``IOThread`` to create, configure and attach on its own thread.
public struct SocketSpec: Sendable {
    /// The role of the socket, e.g. `input`, `output`, `deadletter`; used in events and errors.
    public var name: String
    /// The socket pattern.
    public var type: SocketType
    /// Endpoints to bind, in order.
    public var bind: [String]
    /// Endpoints to connect, in order (after binding).
    public var connect: [String]
    /// Options applied before binding/connecting, after the default bounded `ZMQ_LINGER`.
    /// SUB sockets need at least one ``SocketOption/subscribe(_:)``.
    public var options: [SocketOption]
    /// Whether to attach a monitor and report its events on ``IOThread/events``.
    public var monitored: Bool
    /// Outbound only: when libzmq reports the socket full (`EAGAIN`), discard the message and report
    /// ``OutboundChannel/Delivery/dropped`` instead of waiting. Used with ``SocketOption/xpubNoDrop(_:)`` on
    /// PUB sockets so every drop at the high-water mark is seen (and can be counted) instead of being silent.
    public var dropWhenFull: Bool

    /// Creates a socket specification.
    ///
    /// - Parameters:
    ///   - name: The socket's role, used in events and errors.
    ///   - type: The socket pattern.
    ///   - bind: Endpoints to bind.
    ///   - connect: Endpoints to connect.
    ///   - options: Options applied before attaching.
    ///   - monitored: Whether to report monitor events.
    ///   - dropWhenFull: Whether a full outbound socket drops (reported) instead of waiting.
    public init(
        name: String,
        type: SocketType,
        bind: [String] = [],
        connect: [String] = [],
        options: [SocketOption] = [],
        monitored: Bool = false,
        dropWhenFull: Bool = false
    ) {
        self.name = name
        self.type = type
        self.bind = bind
        self.connect = connect
        self.options = options
        self.monitored = monitored
        self.dropWhenFull = dropWhenFull
    }
}

/// A libzmq socket used from one thread that you own (tests, command-line tools).
///
/// The socket is non-copyable and closes itself (`zmq_close`) when it goes out of scope; its
/// `ZMQ_LINGER` is set to ``defaultLinger`` on creation so closing never blocks context termination
/// for long. Blocking calls (``send(_:nonBlocking:)``, ``receive(nonBlocking:)``) must not run on
/// Swift's cooperative thread pool in production code: async code uses ``IOThread`` instead.
/// Set ``SocketOption/receiveTimeout(_:)`` / ``SocketOption/sendTimeout(_:)`` to bound them.
public struct ZMQSocket: ~Copyable {
    let context: ZMQContext
    let handle: SocketHandle

    /// The `ZMQ_LINGER` given to every new socket: one second.
    public static var defaultLinger: Duration { SocketHandle.defaultLinger }

    /// Creates a socket of `type` in `context`.
    ///
    /// - Parameters:
    ///   - context: The context; kept alive as long as the socket.
    ///   - type: The socket pattern.
    ///   - linger: The initial `ZMQ_LINGER` (negative is treated as zero).
    /// - Throws: ``ZMQError`` `.contextTerminated` after ``ZMQContext/shutdown()``, `.setupFailed` when
    ///   libzmq runs out of sockets.
    public init(context: ZMQContext, type: SocketType, linger: Duration = ZMQSocket.defaultLinger) throws {
        self.context = context
        self.handle = try SocketHandle.open(context: context, type: type, linger: linger)
    }

    deinit {
        handle.close()
    }

    /// Closes the socket now instead of at the end of its scope.
    public consuming func close() {
        // Consuming `self` ends its lifetime here; `deinit` performs the `zmq_close`.
    }

    /// Sets an option (`zmq_setsockopt`).
    ///
    /// - Parameter option: The option and its value.
    /// - Throws: ``ZMQError`` `.invalidOption` if libzmq rejects it, `.contextTerminated` after shutdown.
    public func set(_ option: SocketOption) throws {
        try handle.set(option)
    }

    /// Reads an option (`zmq_getsockopt`).
    ///
    /// - Parameter key: The option to read, e.g. `.sendHighWaterMark`.
    /// - Throws: ``ZMQError``.
    public func get<Value>(_ key: SocketOptionKey<Value>) throws -> Value {
        try key.read(handle)
    }

    /// Binds to `endpoint` (`zmq_bind`), e.g. `tcp://127.0.0.1:*`, `ipc:///run/x.sock`, `inproc://name`.
    ///
    /// - Throws: ``ZMQError`` `.invalidEndpoint`, `.addressInUse`, `.contextTerminated`.
    public func bind(_ endpoint: String) throws {
        try handle.bind(endpoint)
    }

    /// Connects to `endpoint` (`zmq_connect`); libzmq establishes and re-establishes the connection in the background.
    ///
    /// - Throws: ``ZMQError`` `.invalidEndpoint`, `.contextTerminated`.
    public func connect(_ endpoint: String) throws {
        try handle.connect(endpoint)
    }

    /// Stops listening on `endpoint` (`zmq_unbind`); use the resolved ``lastEndpoint`` for wildcard binds.
    ///
    /// - Throws: ``ZMQError``.
    public func unbind(_ endpoint: String) throws {
        try handle.unbind(endpoint)
    }

    /// Disconnects from `endpoint` (`zmq_disconnect`).
    ///
    /// - Throws: ``ZMQError``.
    public func disconnect(_ endpoint: String) throws {
        try handle.disconnect(endpoint)
    }

    /// The endpoint last bound or connected, with wildcards resolved (`tcp://127.0.0.1:*` → the real port).
    public var lastEndpoint: String {
        get throws { try get(.lastEndpoint) }
    }

    /// Sends a (multipart) message.
    ///
    /// - Parameters:
    ///   - message: The frames to send.
    ///   - nonBlocking: Return `false` instead of waiting when the message cannot be queued.
    /// - Returns: `true` when libzmq accepted the message; `false` when it would block (`EAGAIN`,
    ///   including an expired ``SocketOption/sendTimeout(_:)``).
    /// - Throws: ``ZMQError``, e.g. `.invalidState` for a REQ socket sending twice.
    @discardableResult
    public func send(_ message: ZMQMessage, nonBlocking: Bool = false) throws -> Bool {
        try handle.send(message, nonBlocking: nonBlocking)
    }

    /// Receives one complete (multipart) message.
    ///
    /// - Parameter nonBlocking: Return `nil` at once when nothing is queued.
    /// - Returns: The message, or `nil` if none arrived (non-blocking, or ``SocketOption/receiveTimeout(_:)`` expired).
    /// - Throws: ``ZMQError``.
    public func receive(nonBlocking: Bool = false) throws -> ZMQMessage? {
        try handle.receive(nonBlocking: nonBlocking)
    }

    /// Waits up to `timeout` until the socket is ready for any of `events` (`zmq_poll` on this socket).
    ///
    /// - Returns: The subset of `events` that is ready; empty on timeout.
    /// - Throws: ``ZMQError``.
    public func poll(events: PollEvents, timeout: Duration) throws -> PollEvents {
        try handle.poll(events: events, timeout: timeout)
    }

    /// Publishes this socket's monitor events on the inproc `endpoint` (`zmq_socket_monitor`).
    ///
    /// Connect a `.pair` socket to `endpoint` and decode what it receives with
    /// ``SocketEvent/init(monitorMessage:socket:)``.
    ///
    /// - Throws: ``ZMQError``.
    public func monitor(endpoint: String, events: SocketEvent.Kinds = .all) throws {
        try handle.monitor(endpoint, events: events.rawValue)
    }
}

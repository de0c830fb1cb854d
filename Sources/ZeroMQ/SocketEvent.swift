internal import CZeroMQ

/// A decoded libzmq monitor event (`zmq_socket_monitor`, version 1 format).
///
/// The first monitor frame holds a native-endian `uint16` event number and a `uint32` value
/// (a file descriptor, errno or reconnect interval depending on the event); the second frame
/// holds the endpoint the event concerns.
public struct SocketEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable {
        /// A connection to a remote endpoint was established (`ZMQ_EVENT_CONNECTED`).
        case connected
        /// A connect attempt is in progress (`ZMQ_EVENT_CONNECT_DELAYED`).
        case connectDelayed
        /// A reconnect will be attempted after `value` ms (`ZMQ_EVENT_CONNECT_RETRIED`).
        case connectRetried
        /// The socket is listening on the endpoint (`ZMQ_EVENT_LISTENING`).
        case listening
        /// Binding failed with errno `value` (`ZMQ_EVENT_BIND_FAILED`).
        case bindFailed
        /// A connection from a peer was accepted (`ZMQ_EVENT_ACCEPTED`).
        case accepted
        /// Accepting a connection failed with errno `value` (`ZMQ_EVENT_ACCEPT_FAILED`).
        case acceptFailed
        /// A connection's underlying descriptor was closed (`ZMQ_EVENT_CLOSED`).
        case closed
        /// Closing failed with errno `value` (`ZMQ_EVENT_CLOSE_FAILED`).
        case closeFailed
        /// The session was broken, e.g. the peer went away (`ZMQ_EVENT_DISCONNECTED`).
        case disconnected
        /// Monitoring of the socket ended (`ZMQ_EVENT_MONITOR_STOPPED`).
        case monitorStopped
        /// The ZMTP handshake failed without detail (`ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL`).
        case handshakeFailedNoDetail
        /// The ZMTP handshake (and security, e.g. CURVE) succeeded (`ZMQ_EVENT_HANDSHAKE_SUCCEEDED`).
        case handshakeSucceeded
        /// The peer violated the protocol during the handshake (`ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL`).
        case handshakeFailedProtocol
        /// The peer failed authentication (`ZMQ_EVENT_HANDSHAKE_FAILED_AUTH`).
        case handshakeFailedAuth

        /// The `ZMQ_EVENT_*` bit.
        var bit: Int32 {
            switch self {
            case .connected: ZMQ_EVENT_CONNECTED
            case .connectDelayed: ZMQ_EVENT_CONNECT_DELAYED
            case .connectRetried: ZMQ_EVENT_CONNECT_RETRIED
            case .listening: ZMQ_EVENT_LISTENING
            case .bindFailed: ZMQ_EVENT_BIND_FAILED
            case .accepted: ZMQ_EVENT_ACCEPTED
            case .acceptFailed: ZMQ_EVENT_ACCEPT_FAILED
            case .closed: ZMQ_EVENT_CLOSED
            case .closeFailed: ZMQ_EVENT_CLOSE_FAILED
            case .disconnected: ZMQ_EVENT_DISCONNECTED
            case .monitorStopped: ZMQ_EVENT_MONITOR_STOPPED
            case .handshakeFailedNoDetail: ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
            case .handshakeSucceeded: ZMQ_EVENT_HANDSHAKE_SUCCEEDED
            case .handshakeFailedProtocol: ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
            case .handshakeFailedAuth: ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
            }
        }
    }

    /// A set of event kinds to monitor; the raw value is the `ZMQ_EVENT_*` bit mask.
    public struct Kinds: OptionSet, Sendable, Hashable {
        /// The `ZMQ_EVENT_*` bit mask.
        public var rawValue: Int32

        /// Creates a set from a `ZMQ_EVENT_*` bit mask.
        ///
        /// - Parameter rawValue: The mask, e.g. `ZMQ_EVENT_ALL` (`0xFFFF`).
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        /// A set holding one kind.
        ///
        /// - Parameter kind: The kind.
        public init(_ kind: Kind) {
            self.rawValue = kind.bit
        }

        /// Every non-draft event (`ZMQ_EVENT_ALL`).
        public static let all = Kinds(rawValue: ZMQ_EVENT_ALL)
        /// Connection life-cycle events: connected, accepted, disconnected, closed.
        public static let connections = Kinds(rawValue: ZMQ_EVENT_CONNECTED | ZMQ_EVENT_ACCEPTED
            | ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_CLOSED)
    }

    /// The name of the monitored socket as given in ``SocketSpec/name`` ("" for a ``ZMQSocket``).
    public var socket: String
    /// What happened.
    public var kind: Kind
    /// The event value: a descriptor, an errno or an interval in ms depending on ``kind``.
    public var value: Int32
    /// The endpoint concerned, e.g. `tcp://127.0.0.1:5555`.
    public var endpoint: String

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - socket: The socket name.
    ///   - kind: What happened.
    ///   - value: The event value.
    ///   - endpoint: The endpoint concerned.
    public init(socket: String, kind: Kind, value: Int32, endpoint: String) {
        self.socket = socket
        self.kind = kind
        self.value = value
        self.endpoint = endpoint
    }

    /// Decodes a two-frame monitor message; `nil` if it is malformed or an unknown (draft) event.
    ///
    /// - Parameters:
    ///   - monitorMessage: The message received on the monitor's PAIR socket.
    ///   - socket: The name to report as ``socket``.
    public init?(monitorMessage: ZMQMessage, socket: String = "") {
        guard monitorMessage.frames.count == 2, monitorMessage.frames[0].count == 6 else { return nil }
        let header = monitorMessage.frames[0]
        let number = header.withUnsafeBytes { Int32($0.loadUnaligned(fromByteOffset: 0, as: UInt16.self)) }
        let value = header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 2, as: UInt32.self) }
        guard let kind = Kind.allCases.first(where: { $0.bit == number }) else { return nil }
        self.init(
            socket: socket,
            kind: kind,
            value: Int32(bitPattern: value),
            endpoint: String(decoding: monitorMessage.frames[1], as: UTF8.self)
        )
    }
}

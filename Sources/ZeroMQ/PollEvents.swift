internal import CZeroMQ

/// Readiness conditions for ``ZMQSocket/poll(events:timeout:)`` (`ZMQ_POLLIN`, `ZMQ_POLLOUT`, `ZMQ_POLLERR`).
public struct PollEvents: OptionSet, Sendable, Hashable {
    /// The `short` event mask used by `zmq_poll`.
    public var rawValue: Int16

    /// Creates a set from a `zmq_poll` event mask.
    ///
    /// - Parameter rawValue: A combination of `ZMQ_POLLIN` (1), `ZMQ_POLLOUT` (2), `ZMQ_POLLERR` (4).
    public init(rawValue: Int16) {
        self.rawValue = rawValue
    }

    /// At least one message can be received without blocking.
    public static let readable = PollEvents(rawValue: Int16(ZMQ_POLLIN))
    /// At least one message can be sent without blocking.
    public static let writable = PollEvents(rawValue: Int16(ZMQ_POLLOUT))
    /// An error condition (only meaningful for raw file descriptors).
    public static let error = PollEvents(rawValue: Int16(ZMQ_POLLERR))
}

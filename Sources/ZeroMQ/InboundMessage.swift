/// A message received by an ``InboundChannel``, stamped when the I/O thread took it from libzmq.
public struct InboundMessage: Sendable, Hashable {
    /// The received (multipart) message.
    public var message: ZMQMessage
    /// When the I/O thread received the message; the wait in the bridge buffer is `now - receivedAt`.
    public var receivedAt: ContinuousClock.Instant

    /// Creates an inbound message.
    ///
    /// - Parameters:
    ///   - message: The message.
    ///   - receivedAt: When it was received.
    public init(message: ZMQMessage, receivedAt: ContinuousClock.Instant) {
        self.message = message
        self.receivedAt = receivedAt
    }

    /// The frames of ``message``.
    public var frames: [[UInt8]] { message.frames }
}

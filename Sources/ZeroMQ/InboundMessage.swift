/// A message received by an ``InboundChannel``, stamped when the I/O thread took it from libzmq.
public struct InboundMessage: Sendable, Hashable {
    /// The received (multipart) message.
    public var message: ZMQMessage
    /// When the I/O thread received the message; the wait in the bridge buffer is `now - receivedAt`.
    public var receivedAt: ContinuousClock.Instant
    /// The broker's tag of a work-queue job, for ``InboundChannel/acknowledge(_:)``; `nil` for other inputs.
    public var deliveryTag: UInt64?

    /// Creates an inbound message.
    ///
    /// - Parameters:
    ///   - message: The message.
    ///   - receivedAt: When it was received.
    ///   - deliveryTag: The work-queue tag, if any.
    public init(message: ZMQMessage, receivedAt: ContinuousClock.Instant, deliveryTag: UInt64? = nil) {
        self.message = message
        self.receivedAt = receivedAt
        self.deliveryTag = deliveryTag
    }

    /// The frames of ``message``.
    public var frames: [[UInt8]] { message.frames }
}

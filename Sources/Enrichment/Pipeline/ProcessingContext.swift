#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What the transport knows about one message.
public struct ProcessingContext: Sendable {
    /// The worker name written to output and dead-letter records.
    public var worker: String
    /// When the message was received.
    public var receivedAt: Date
    /// The message topic (first frame), if any.
    public var topic: [UInt8]?

    /// Creates a context.
    public init(worker: String, receivedAt: Date = Date(), topic: [UInt8]? = nil) {
        self.worker = worker
        self.receivedAt = receivedAt
        self.topic = topic
    }
}

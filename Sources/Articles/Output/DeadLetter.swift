#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A payload that could not be processed, with the reason: schema `enrichd.deadletter/1`.
///
/// See `Sources/Articles/Schema/enrichd.deadletter.schema.json` for the JSON shape.
public struct DeadLetter: Sendable {
    /// The schema identifier written to `schema`.
    public static let schema = "enrichd.deadletter/1"

    /// Processing stages named in `stage`.
    public enum Stage {
        /// Payload to envelope.
        public static let decode = "decode"
        /// Envelope to article.
        public static let parse = "parse"
        /// Enrichers.
        public static let enrich = "enrich"
        /// Output encoding.
        public static let encode = "encode"
        /// Sending the output.
        public static let publish = "publish"
        /// Dropped during shutdown.
        public static let shutdown = "shutdown"
    }

    /// The envelope id when known.
    public var id: String?
    /// A stable snake_case reason code (for example `invalid_json`, `empty_body`).
    public var reason: String
    /// The stage that failed: `decode`, `parse`, `enrich`, `encode`, `publish` or `shutdown`.
    public var stage: String
    /// A human-readable explanation.
    public var message: String
    /// When the payload was received.
    public var receivedAt: Date
    /// The worker that gave up on it.
    public var worker: String
    /// The message topic (first frame), if any.
    public var topic: [UInt8]?
    /// The payload as received.
    public var payload: [UInt8]

    /// Creates a dead letter.
    public init(
        id: String? = nil,
        reason: String,
        stage: String,
        message: String,
        receivedAt: Date,
        worker: String,
        topic: [UInt8]? = nil,
        payload: [UInt8]
    ) {
        self.id = id
        self.reason = reason
        self.stage = stage
        self.message = message
        self.receivedAt = receivedAt
        self.worker = worker
        self.topic = topic
        self.payload = payload
    }

    /// Encodes the dead letter as one compact JSON object (no trailing newline).
    ///
    /// `topic` and `payload` are written as strings when they are valid UTF-8, otherwise as
    /// `topic_base64` / `payload_base64`. `payload_bytes` is always the full payload size; a payload
    /// longer than `maxPayloadBytes` is cut and `payload_truncated` is `true`.
    ///
    /// - Parameter maxPayloadBytes: The most payload bytes to include.
    public func encodeJSON(maxPayloadBytes: Int = 16 << 20) -> [UInt8] {
        let included = payload.prefix(max(0, maxPayloadBytes))
        var w = JSONWriter(capacity: included.count + 512)
        w.beginObject()
        w.key("schema")
        w.string(Self.schema)
        w.key("id")
        w.string(id)
        w.key("reason")
        w.string(reason)
        w.key("stage")
        w.string(stage)
        w.key("message")
        w.string(message)
        w.key("received_at")
        w.string(Timestamp.iso8601(receivedAt))
        w.key("worker")
        w.string(worker)
        if let topic, !UTF8Validation.isValid(topic) {
            w.key("topic")
            w.null()
            w.key("topic_base64")
            w.string(Base64.encode(topic[...]))
        } else {
            w.key("topic")
            w.string(topic.map { String(decoding: $0, as: UTF8.self) })
        }
        let text = included.withUnsafeBufferPointer { buffer -> String? in
            UTF8Validation.firstInvalidOffset(buffer, from: 0, to: buffer.count) == nil
                ? String(decoding: buffer, as: UTF8.self) : nil
        }
        if let text {
            w.key("payload")
            w.string(text)
        } else {
            w.key("payload_base64")
            w.string(Base64.encode(included))
        }
        w.key("payload_bytes")
        w.number(payload.count)
        if included.count < payload.count {
            w.key("payload_truncated")
            w.bool(true)
        }
        w.endObject()
        return w.bytes
    }
}

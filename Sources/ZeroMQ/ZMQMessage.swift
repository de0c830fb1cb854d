/// A possibly multipart ZeroMQ message: one byte array per frame.
///
/// libzmq delivers multipart messages atomically: a receiver gets all frames or none.
/// An empty ``frames`` array is sent as a single empty frame.
public struct ZMQMessage: Sendable, Hashable {
    /// The frames, in order. Frames may be empty.
    public var frames: [[UInt8]]

    /// Creates a message from its frames.
    ///
    /// - Parameter frames: The frames in order; an empty array is sent as one empty frame.
    public init(frames: [[UInt8]]) {
        self.frames = frames
    }

    /// Creates a single-frame message.
    ///
    /// - Parameter single: The bytes of the only frame.
    public init(_ single: [UInt8]) {
        self.frames = [single]
    }

    /// The total number of bytes in all frames.
    public var byteCount: Int {
        frames.reduce(0) { $0 + $1.count }
    }
}

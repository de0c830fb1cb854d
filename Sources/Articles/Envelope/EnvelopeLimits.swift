/// Bounds applied while decoding an ``Envelope``.
public struct EnvelopeLimits: Sendable, Hashable {
    /// The largest payload accepted, in bytes (default 16 MiB).
    public var maxBytes: Int = 16 << 20
    /// The deepest JSON nesting accepted in an envelope (default 64).
    public var maxDepth: Int = 64
    /// The share of control bytes (other than tab, line feed, carriage return and form feed) above which a
    /// raw text payload is rejected as binary (default 0.1).
    public var maxControlRatio: Double = 0.1

    /// Creates limits.
    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxControlRatio: Double = 0.1) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxControlRatio = maxControlRatio
    }
}

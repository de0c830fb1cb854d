/// How long each stage of ``ArticlePipeline/process(_:context:timings:)`` took for one payload.
///
/// Stages that did not run (after a dead letter) stay `.zero`.
public struct StageTimings: Sendable, Hashable {
    /// Envelope decoding (JSON or raw text).
    public var decode: Duration = .zero
    /// Parsing into an article (raw text or HTML structure recovery).
    public var parse: Duration = .zero
    /// All enrichers together.
    public var enrich: Duration = .zero
    /// Encoding the output or dead-letter record.
    public var encode: Duration = .zero

    /// Creates zero timings.
    public init() {}
}

/// The outcome of ``ArticlePipeline/process(_:context:)``: an output record or a dead letter, both
/// already encoded as one JSON object without a trailing newline.
public enum ProcessingResult: Sendable {
    /// An enriched article (`enrichd.article/1`).
    case output(id: String, json: [UInt8], language: String?, source: String?)
    /// A payload that failed (`enrichd.deadletter/1`), with its stable reason code and stage.
    case deadLetter(reason: String, stage: String, json: [UInt8])
}

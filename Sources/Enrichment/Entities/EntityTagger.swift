/// Finds named entities in tokenized text with an ``EntityModel``.
public struct EntityTagger: Sendable {
    /// The trained model.
    public let model: EntityModel

    /// Buffers reused from one document to the next, so that tagging allocates nothing per token.
    ///
    /// Use one workspace for one document at a time; copies share the score cache.
    public struct Workspace: Sendable {
        var features = EntityFeatures()
        var tags: [EntityTag] = []
        let cache = ScoreCache()

        /// Creates empty buffers.
        public init() {}
    }

    /// Creates a tagger.
    public init(model: EntityModel) {
        self.model = model
    }

    /// The BILOU tag of every token of one document.
    ///
    /// - Parameters:
    ///   - text: The document's UTF-8 bytes.
    ///   - tokens: Its tokens, as ``Tokenizer`` makes them.
    ///   - workspace: Buffers to reuse.
    public func tag(
        _ text: UnsafeBufferPointer<UInt8>,
        _ tokens: UnsafeBufferPointer<Token>,
        workspace: inout Workspace
    ) -> [EntityTag] {
        workspace.features.prepare(text, tokens, gazetteer: model.gazetteer, clusters: model.clusters)
        workspace.tags.removeAll(keepingCapacity: true)
        workspace.tags.append(contentsOf: repeatElement(.outside, count: tokens.count))
        var model = self.model
        workspace.cache.use(for: ObjectIdentifier(model.table))
        model.decode(&workspace.features, tags: &workspace.tags, cache: workspace.cache)
        return workspace.tags
    }
}

public import Articles

/// Finds the named entities of the body with the ``EntityTagger`` and groups them with
/// ``EntityGrouping`` into `enrichment.entities`.
public struct EntityEnricher: Enricher {
    /// The tagger.
    public let tagger: EntityTagger
    private let workspaces = WorkspacePool()

    public var name: String { "entities" }

    /// Creates the enricher with `model` (by default the built-in model).
    ///
    /// - Throws: ``EntityModelError`` if the built-in model is damaged.
    public init(model: EntityModel? = nil) throws(EntityModelError) {
        if let model {
            tagger = EntityTagger(model: model)
        } else {
            tagger = EntityTagger(model: try EntityModel.builtIn())
        }
    }

    /// The enricher with the model built into the binary, loaded once.
    ///
    /// The model bytes are part of the executable and checked by the tests; damaged bytes are a broken
    /// build, so this stops the process with the reason rather than run without entities.
    public static let builtIn: EntityEnricher = {
        do {
            return try EntityEnricher()
        } catch {
            fatalError("the built-in entity model cannot be read: \(error)")
        }
    }()

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        result.entities = entities(in: text)
    }

    /// The entities of `article`'s body, most salient first.
    public func entities(in article: Article) -> [Entity] {
        entities(in: ArticleText(article))
    }

    /// The entities of the body of `text` (using its shared tokens), most salient first.
    public func entities(in text: ArticleText) -> [Entity] {
        let article = text.article
        let body = article.body
        let tokens = text.tokens
        var found: [EntityGrouping.Found] = []
        text.bytes.withUnsafeBufferPointer { text in
            let tags = workspaces.with { workspace in
                tokens.withUnsafeBufferPointer { tagger.tag(text, $0, workspace: &workspace) }
            }
            for (first, last, type) in EntityTag.spans(in: tags) {
                let range = Int(tokens[first].start)..<Int(tokens[last].end)
                found.append(
                    EntityGrouping.Found(
                        type: type, range: range, text: String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)))
            }
        }
        return EntityGrouping.entities(found, body: body, title: article.title, highlights: article.highlights)
    }
}

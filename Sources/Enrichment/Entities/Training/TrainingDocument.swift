/// A document with gold entity tags, for training and evaluating the tagger.
public struct TrainingDocument: Sendable {
    /// The text: tokens joined by spaces, sentences by line feeds.
    public var text: [UInt8]
    /// The tokens, flags set as the tokenizer would.
    public var tokens: [Token]
    /// One BILOU tag per token.
    public var tags: [EntityTag]

    /// Builds a document from tokenized sentences whose entities are given as token spans.
    ///
    /// - Parameter sentences: Per sentence, the token texts and the entity spans
    ///   `(first token, last token, type)` within it.
    public init(sentences: [(words: [String], spans: [(Int, Int, EntityType)])]) {
        var text: [UInt8] = []
        var tokens: [Token] = []
        var tags: [EntityTag] = []
        for (s, sentence) in sentences.enumerated() {
            if s > 0 { text.append(0x0A) }
            for (k, word) in sentence.words.enumerated() {
                if k > 0 { text.append(0x20) }
                let start = text.count
                text.append(contentsOf: word.utf8)
                tokens.append(Token(start: start, end: text.count))
            }
            tags.append(contentsOf: EntityTag.tags(for: sentence.spans, count: sentence.words.count))
        }
        text.withUnsafeBufferPointer { Tokenizer.markFlags($0, &tokens) }
        self.text = text
        self.tokens = tokens
        self.tags = tags
    }
}

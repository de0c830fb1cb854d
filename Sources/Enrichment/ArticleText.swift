public import Articles

/// An article with its body's UTF-8 bytes, tokens and sentences, computed once and shared by the
/// enrichers that read them.
///
/// One per article, used by one task; not thread-safe.
public final class ArticleText {
    /// The article.
    public let article: Article
    /// The body's UTF-8 bytes.
    public let bytes: [UInt8]

    /// Wraps `article`.
    public init(_ article: Article) {
        self.article = article
        self.bytes = Array(article.body.utf8)
    }

    /// The body's tokens (``Tokenizer``), with shape and sentence-start flags.
    public private(set) lazy var tokens: [Token] = {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        return tokens
    }()

    /// For each token, ``FeatureHash/lowercased(_:_:_:)`` of its text: the key the enrichers' word
    /// tables use.
    public private(set) lazy var keys: [UInt64] = {
        let tokens = self.tokens
        return bytes.withUnsafeBufferPointer { buffer in
            tokens.map { FeatureHash.lowercased(buffer, Int($0.start), Int($0.end)) }
        }
    }()

    /// The byte ranges of the body's sentences (``SentenceBoundaries``).
    public private(set) lazy var sentences: [Range<Int>] = {
        var sentences: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in SentenceBoundaries.forEach(in: buffer) { sentences.append($0) } }
        return sentences
    }()

    /// For each byte offset (and the end), the code point offset; empty when the body is ASCII.
    private lazy var scalarOffsets: [Int32] = {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return [] }
        var offsets = [Int32](repeating: 0, count: bytes.count + 1)
        var scalars: Int32 = 0
        for (i, b) in bytes.enumerated() {
            if b & 0xC0 != 0x80 && i > 0 { scalars += 1 }
            offsets[i] = b & 0xC0 == 0x80 ? scalars : (i == 0 ? 0 : scalars)
        }
        offsets[bytes.count] = bytes.isEmpty ? 0 : scalars + 1
        return offsets
    }()

    /// The code point offset of byte offset `byte` (the start of a character or the end of the body).
    public func scalarOffset(_ byte: Int) -> Int {
        let offsets = scalarOffsets
        return offsets.isEmpty ? byte : Int(offsets[byte])
    }

    /// The body text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

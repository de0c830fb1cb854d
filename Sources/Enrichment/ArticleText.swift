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
        let bytes = Array(article.body.utf8)
        self.bytes = bytes
        self.scalarOffsets = Self.scalarOffsets(of: bytes)
    }

    /// For each byte offset (and the end), the code point offset; empty when the body is ASCII.
    private let scalarOffsets: [Int32]

    private static func scalarOffsets(of bytes: [UInt8]) -> [Int32] {
        var ascii = true
        for b in bytes where b >= 0x80 {
            ascii = false
            break
        }
        guard !ascii else { return [] }
        var offsets = [Int32](repeating: 0, count: bytes.count + 1)
        var scalars: Int32 = 0
        for (i, b) in bytes.enumerated() {
            if b & 0xC0 == 0x80 {
                offsets[i] = scalars - 1  // a continuation byte: its character's code point
            } else {
                offsets[i] = scalars
                scalars += 1
            }
        }
        offsets[bytes.count] = scalars
        return offsets
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

    /// The code point offset of byte offset `byte` (the start of a character or the end of the body).
    @inline(__always)
    public func scalarOffset(_ byte: Int) -> Int {
        scalarOffsets.isEmpty ? byte : Int(scalarOffsets[byte])
    }

    /// The body text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

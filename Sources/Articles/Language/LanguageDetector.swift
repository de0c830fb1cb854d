import CCLD2

/// Detects the language of an article body with CLD2 (Compact Language Detector 2).
///
/// The body decides; a declared language (the envelope's `language`, or `<html lang>`) is only a hint.
/// CLD2's answer is used when it is reliable and it scored at least ``minimumLetterBytes`` of letters;
/// otherwise the hint is used (reduced to its primary subtag: `en-GB` → `en`); with no hint, CLD2's
/// top language is still taken when it covers most of a body of that size. Codes are ISO 639-1 where
/// one exists; only the first 1.5 KB of a body are read (CLD2's legacy `iw`, `jw`, `in` become `he`, `jv`, `id`; `zh-Hant` becomes `zh`).
public struct LanguageDetector: Sendable {
    /// The fewest letter bytes CLD2 must have scored before its answer beats the hint.
    public var minimumLetterBytes: Int

    /// Creates a detector.
    ///
    /// - Parameter minimumLetterBytes: The fewest letter bytes CLD2 must score to be trusted (default 40).
    public init(minimumLetterBytes: Int = 40) {
        self.minimumLetterBytes = minimumLetterBytes
    }

    /// The language to report for `text`.
    ///
    /// - Parameters:
    ///   - text: The article body.
    ///   - hint: A declared language tag (BCP 47), or `nil`.
    /// - Returns: An ISO 639-1 code (or CLD2's code for languages without one), or `nil` when neither the
    ///   text nor the hint says.
    public func language(of text: String, hint: String? = nil) -> String? {
        let declared = hint.flatMap(Self.primarySubtag)
        let guess = detect(text, hint: declared)
        if let guess, guess.isReliable, guess.letterBytes >= minimumLetterBytes { return guess.code }
        if let declared { return declared }
        if let guess, guess.letterBytes >= minimumLetterBytes, guess.percent >= 50 { return guess.code }
        return nil
    }

    /// CLD2's raw answer for `text`.
    ///
    /// - Parameters:
    ///   - text: Plain UTF-8 text.
    ///   - hint: A language code that CLD2 should favour when the text is ambiguous, or `nil`.
    /// - Returns: The top language, or `nil` when CLD2 finds none.
    public func detect(_ text: String, hint: String? = nil) -> LanguageGuess? {
        var result = ccld2_result()
        var text = text
        text.withUTF8 { buffer in
            // A long body says nothing more than its first pages; cut at a character boundary.
            var count = buffer.count
            if count > Self.maximumBytes {
                count = Self.maximumBytes
                while count > 0 && buffer[count] & 0xC0 == 0x80 { count -= 1 }
            }
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let hint {
                    hint.withCString { ccld2_detect(chars.baseAddress, count, $0, &result) }
                } else {
                    ccld2_detect(chars.baseAddress, count, nil, &result)
                }
            }
        }
        let code = withUnsafeBytes(of: result.code) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard !code.isEmpty, code != "un", code != "xxx" else { return nil }
        return LanguageGuess(
            code: Self.isoCode(code),
            isReliable: result.reliable != 0,
            percent: Int(result.percent),
            letterBytes: Int(result.text_bytes)
        )
    }

    /// How much of a text is looked at: CLD2 costs about 50 ns per byte here, and its answer on the
    /// first 1.5 KB of a body (a few hundred words) is as good as on the whole article.
    static let maximumBytes = 1536

    /// `en-GB` → `en`; `nil` for tags whose primary subtag is not two or three ASCII letters.
    static func primarySubtag(_ tag: String) -> String? {
        var subtag: [UInt8] = []
        for byte in tag.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") { break }
            guard byte < 0x80, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") else {
                if byte == 0x20 && subtag.isEmpty { continue }
                return nil
            }
            subtag.append(byte | 0x20)
        }
        guard subtag.count == 2 || subtag.count == 3 else { return nil }
        return Self.isoCode(String(decoding: subtag, as: UTF8.self))
    }

    /// Maps CLD2's legacy and script-qualified codes to ISO 639-1.
    static func isoCode(_ code: String) -> String {
        switch code {
        case "iw": "he"
        case "jw": "jv"
        case "in": "id"
        case "zh-Hant": "zh"
        default: code
        }
    }
}

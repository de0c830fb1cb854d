import CLibXML2

/// A basic web-page parser built on libxml2's forgiving HTML parser.
///
/// Title from `og:title`, else `<title>`; URL from `og:url`, else `<link rel=canonical>`; authors from
/// `<meta name=author>`; publication time from `article:published_time` (or `date`, `pubdate`,
/// `itemprop=datePublished`); language from `<html lang>`. The body is the text of the largest
/// `<article>`, else `<main>`, else `<body>`, leaving out scripts, styles, navigation, headers, footers,
/// asides, forms, frames and SVG; block elements become paragraph breaks. Envelope fields win over
/// page metadata. Deeper content extraction is left to a later parser behind ``ArticleParser``.
///
/// Parsing uses `HTML_PARSE_RECOVER | NOERROR | NOWARNING | NONET` without `HUGE`, so libxml2's own
/// depth and size limits stay on; the tree is walked iteratively, so deep nesting cannot overflow the
/// stack.
public struct HTMLParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses a page already decoded to a string (any `<meta charset>` in it is ignored).
    ///
    /// - Parameters:
    ///   - html: The page.
    ///   - envelope: Where URL, title, publication time and language come from when set.
    /// - Throws: ``ParseError``: `htmlUnparseable` when libxml2 returns no document, `emptyBody` when
    ///   no text is found.
    public func parse(_ html: String, envelope: Envelope = Envelope(content: .html(""))) throws(ParseError) -> Article {
        var html = html
        let result = html.withUTF8 { buffer in
            Result { () throws(ParseError) -> Article in try parse(utf8: buffer, envelope: envelope) }
        }
        return try result.get()
    }

    /// Parses page bytes: UTF-8 when valid, else the declared charset (ISO-8859-1 and Windows-1252 are
    /// decoded as Windows-1252), else Windows-1252.
    ///
    /// - Parameters:
    ///   - bytes: The page as received.
    ///   - envelope: Where URL, title, publication time and language come from when set.
    /// - Throws: ``ParseError`` as ``parse(_:envelope:)``.
    public func parse(bytes: [UInt8], envelope: Envelope = Envelope(content: .html(""))) throws(ParseError) -> Article {
        let page = bytes.withUnsafeBufferPointer { Windows1252.decodePage($0) }
        return try parse(page, envelope: envelope)
    }

    private static let setUp: Bool = {
        xmlInitParser()
        return true
    }()

    private static let options: Int32 = {
        let flags =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        return Int32(bitPattern: flags)
    }()

    private func parse(utf8 buffer: UnsafeBufferPointer<UInt8>, envelope: Envelope) throws(ParseError) -> Article {
        precondition(Self.setUp)
        guard buffer.count > 0, buffer.contains(where: { $0 > 0x20 }) else {
            throw ParseError(code: .emptyBody, detail: "page is empty")
        }
        guard buffer.count < Int(Int32.max) else { throw ParseError(code: .htmlUnparseable, detail: "page too large") }
        let document = buffer.withMemoryRebound(to: CChar.self) { chars in
            htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Self.options)
        }
        guard let document else { throw ParseError(code: .htmlUnparseable, detail: "libxml2 returned no document") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw ParseError(code: .emptyBody, detail: "page has no elements")
        }
        var page = HTMLPageScan()
        page.scan(root)
        let candidates: [xmlNodePtr] = page.articles.isEmpty ? [page.main ?? page.body ?? root] : page.articles
        var best: [UInt8] = []
        for candidate in candidates.prefix(32) {
            let text = HTMLText.extract(candidate)
            if text.count > best.count { best = text }
        }
        let lines = LineDocument(String(decoding: best, as: UTF8.self))
        var body: [UInt8] = []
        body.reserveCapacity(lines.bytes.count + lines.count * 2)
        for line in lines.lines {
            if !body.isEmpty {
                body.append(0x0A)
                body.append(0x0A)
            }
            body.append(contentsOf: lines.bytes[line.start..<line.end])
        }
        guard !body.isEmpty else { throw ParseError(code: .emptyBody, detail: "page has no body text") }
        return Article(
            url: envelope.url ?? page.url,
            title: envelope.title ?? page.title,
            authors: page.authors,
            publishedAt: envelope.publishedAt ?? page.publishedAt,
            language: envelope.language ?? page.language,
            body: String(decoding: body, as: UTF8.self)
        )
    }
}

import CLibXML2

/// A web-page parser built on libxml2's forgiving HTML parser: main-content extraction plus metadata.
///
/// The body comes from readability-style DOM scoring (text length, commas, link density, class/id
/// hints), with scripts, styles, navigation, asides, footers, forms, figures and captions, share bars,
/// related lists and comment threads left out; block elements become paragraphs joined by `"\n\n"`,
/// then lines are cleaned (title, date stamps, repeated lines, all-capitals labels, pagination). When
/// scoring finds less than 200 bytes, the text of the largest `<article>`, else `<main>`, else `<body>`
/// is used instead. Metadata — title, authors, publication date (ISO 8601), canonical URL, `<html lang>`
/// — comes from `<title>`, OpenGraph, `<meta>`, JSON-LD (`@graph` and arrays too), `<h1>`, `<time>` and
/// byline elements.
/// Envelope fields win over page metadata. What was left out inside the content — figures, captions,
/// images, share bars, filtered lines — is recorded in `media` and `removed` (see ``HTMLRemovals``).
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
        let metadata = HTMLMetadata(page)
        var removals = HTMLRemovals()
        var body = Self.mainText(root: page.body ?? root, title: metadata.title, removals: &removals)
        if body.count < 200 {
            var fallbackRemovals = HTMLRemovals()
            let fallback = Self.fallbackText(page: page, root: root, title: metadata.title, removals: &fallbackRemovals)
            if fallback.count > body.count {
                body = fallback
                removals = fallbackRemovals
            }
        }
        guard !body.isEmpty else { throw ParseError(code: .emptyBody, detail: "page has no body text") }
        var article = Article(
            url: envelope.url ?? metadata.url,
            title: envelope.title ?? metadata.title,
            authors: metadata.authors,
            publishedAt: envelope.publishedAt ?? metadata.publishedAt,
            language: envelope.language ?? metadata.language,
            body: String(decoding: body, as: UTF8.self)
        )
        article.media = removals.media
        article.removed = removals.removed
        return article
    }

    /// The body chosen by ``HTMLContentScorer``, clutter left out (and recorded), paragraphs joined by
    /// blank lines.
    private static func mainText(root: xmlNodePtr, title: String?, removals: inout HTMLRemovals) -> [UInt8] {
        var scorer = HTMLContentScorer()
        scorer.build(root)
        guard let best = scorer.bestCandidate() else { return [] }
        var text: [UInt8] = []
        for node in scorer.contentNodes(best: best) {
            let container = scorer.index(of: node) ?? best
            text += HTMLText.extract(node) { child in
                guard let i = scorer.index(of: child) else {
                    removals.record(skipped: child, kind: "boilerplate")
                    return true
                }
                guard scorer.isClutter(i, container: container) else { return false }
                let kind =
                    scorer.elements[i].name == "header"
                    ? "header" : scorer.linkDensity(i) > 0.25 ? "navigation" : "boilerplate"
                removals.record(skipped: child, kind: kind)
                return true
            }
            text.append(0x0A)
        }
        return paragraphs(text, dropping: title, removals: &removals)
    }

    /// The text of the largest `<article>`, else `<main>`, else `<body>`.
    private static func fallbackText(
        page: HTMLPageScan,
        root: xmlNodePtr,
        title: String?,
        removals: inout HTMLRemovals
    ) -> [UInt8] {
        let candidates: [xmlNodePtr] = page.articles.isEmpty ? [page.main ?? page.body ?? root] : page.articles
        var best: [UInt8] = []
        for candidate in candidates.prefix(32) {
            let text = HTMLText.extract(candidate)
            if text.count > best.count { best = text }
        }
        return paragraphs(best, dropping: title, removals: &removals)
    }

    private static func paragraphs(_ text: [UInt8], dropping title: String?, removals: inout HTMLRemovals) -> [UInt8] {
        let lines = LineDocument(String(decoding: text, as: UTF8.self))
        let removal = ParagraphFilter.removals(lines, title: title)
        var body: [UInt8] = []
        body.reserveCapacity(lines.bytes.count + lines.count * 2)
        for (n, line) in lines.lines.enumerated() {
            if let kind = removal[n] {
                removals.record(line: lines.string(n), kind: kind)
                continue
            }
            if !body.isEmpty {
                body.append(0x0A)
                body.append(0x0A)
            }
            body.append(contentsOf: lines.bytes[line.start..<line.end])
        }
        return body
    }
}

import CLibXML2

/// One iterative pass over a libxml2 tree collecting metadata and body candidates.
struct HTMLPageScan {
    var title: String?
    var ogTitle: String?
    var url: String?
    var canonical: String?
    var authors: [String] = []
    var publishedAt: String?
    var language: String?
    var articles: [xmlNodePtr] = []
    var main: xmlNodePtr?
    var body: xmlNodePtr?
    /// Text of `<script type="application/ld+json">` blocks.
    var jsonLD: [[UInt8]] = []
    /// Texts of the first `<h1>` elements.
    var headings: [String] = []
    /// `datetime` values of `<time>` elements and `itemprop=datePublished` values outside `<meta>`.
    var times: [String] = []
    var itemDates: [String] = []
    /// Names from `rel=author` links and `itemprop=author` elements.
    var authorLinks: [String] = []
    /// Texts of short elements whose class or id says byline/author.
    var bylines: [String] = []
    var metaDates: [String] = []
    /// Dates found in short visible text nodes, in document order (a last resort).
    var textDates: [String] = []

    mutating func scan(_ root: xmlNodePtr) {
        if let lang = HTMLNode.attribute(root, "lang"), !lang.isEmpty { language = lang }
        var node: xmlNodePtr? = root
        var articleDepth = 0
        while let current = node {
            var descend = true
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = HTMLNode.name(current)
                switch name {
                case "title":
                    if title == nil { title = HTMLNode.collapsedText(current) }
                    descend = false
                case "meta": readMeta(current)
                case "link":
                    if HTMLNode.attribute(current, "rel")?.lowercased() == "canonical" {
                        canonical = HTMLNode.attribute(current, "href")
                    }
                case "article":
                    if articleDepth == 0 { articles.append(current) }
                case "main": if main == nil { main = current }
                case "body": if body == nil { body = current }
                case "script":
                    if let type = HTMLNode.attribute(current, "type")?.lowercased(), type.contains("ld+json"),
                        jsonLD.count < 16
                    {
                        jsonLD.append(HTMLNode.rawText(current))
                    }
                    descend = false
                case "style", "noscript", "svg", "template": descend = false
                case "h1":
                    if headings.count < 4 { headings.append(HTMLNode.collapsedText(current)) }
                    descend = false
                case "time":
                    if times.count < 8, let value = HTMLNode.attribute(current, "datetime"), !value.isEmpty {
                        times.append(value)
                    }
                case "a":
                    if authorLinks.count < 8, HTMLNode.attribute(current, "rel")?.lowercased() == "author" {
                        authorLinks.append(HTMLNode.collapsedText(current))
                    }
                default: break
                }
                if name != "meta", name != "script" { readMicrodata(current) }
                if name == "article" && descend && current.pointee.children != nil { articleDepth += 1 }
            }
            if current.pointee.type == XML_TEXT_NODE, textDates.count < 4, let content = current.pointee.content {
                readTextDate(content)
            }
            // Next node in document order, without recursion.
            if descend, let child = current.pointee.children, current.pointee.type == XML_ELEMENT_NODE {
                node = child
                continue
            }
            var climb: xmlNodePtr? = current
            node = nil
            while let c = climb {
                if c == root { break }
                if let next = c.pointee.next {
                    node = next
                    break
                }
                climb = c.pointee.parent
                if let parent = climb, parent.pointee.type == XML_ELEMENT_NODE, HTMLNode.name(parent) == "article" {
                    articleDepth -= 1
                }
            }
        }
        if url == nil { url = canonical }
    }

    private mutating func readTextDate(_ content: UnsafeMutablePointer<xmlChar>) {
        var bytes: [UInt8] = []
        var digits = 0
        var p = content
        while p.pointee != 0 {
            if bytes.count >= 96 { return }
            if p.pointee &- 0x30 < 10 { digits += 1 }
            bytes.append(p.pointee)
            p += 1
        }
        guard digits >= 6, let date = PublicationDate.normalise(String(decoding: bytes, as: UTF8.self)) else { return }
        textDates.append(date)
    }

    private mutating func readMicrodata(_ node: xmlNodePtr) {
        if let prop = HTMLNode.attribute(node, "itemprop")?.lowercased() {
            if prop == "datepublished", itemDates.count < 4,
                let value = HTMLNode.attribute(node, "datetime") ?? HTMLNode.attribute(node, "content")
                    ?? Optional(HTMLNode.collapsedText(node)), !value.isEmpty
            {
                itemDates.append(value)
            } else if prop == "author", authorLinks.count < 8 {
                authorLinks.append(HTMLNode.attribute(node, "content") ?? HTMLNode.collapsedText(node))
            }
        }
        guard bylines.count < 8 else { return }
        for attribute in ["class", "id", "rel"] {
            guard let value = HTMLNode.attributeBytes(node, attribute) else { continue }
            let named = value.withUnsafeBufferPointer {
                ByteSearch.contains($0, 0, $0.count, Self.byline) || ByteSearch.contains($0, 0, $0.count, Self.author)
            }
            if named {
                let text = HTMLNode.collapsedText(node)
                if !text.isEmpty && text.utf8.count < 120 { bylines.append(text) }
                return
            }
        }
    }

    private static let byline = Array("byline".utf8)
    private static let author = Array("author".utf8)

    private mutating func readMeta(_ node: xmlNodePtr) {
        guard let content = HTMLNode.attribute(node, "content"), !content.isEmpty else { return }
        let key =
            (HTMLNode.attribute(node, "property") ?? HTMLNode.attribute(node, "name")
            ?? HTMLNode.attribute(node, "itemprop") ?? "").lowercased()
        switch key {
        case "og:title": if ogTitle == nil { ogTitle = content }
        case "og:url": if url == nil { url = content }
        case "author", "article:author", "byl", "dc.creator":
            if authors.isEmpty, !content.hasPrefix("http") {
                var text = Substring(content)
                if text.lowercased().hasPrefix("by ") { text = text.dropFirst(3) }
                authors = text.replacing(" and ", with: ",").split(separator: ",")
                    .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            }
        case "article:published_time", "datepublished", "og:published_time", "og:article:published_time",
            "article.published", "published-date", "publish-date", "sailthru.date", "parsely-pub-date":
            if publishedAt == nil { publishedAt = content }
        case _
        where key.contains("date")
            && (key.contains("publish") || key.contains("original")
                || key.contains("creat") || key.contains("release")):
            if publishedAt == nil { publishedAt = content }
        case "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
            "article:modified_time", "og:updated_time", "lastmod", "last-modified", "displaydate":
            if metaDates.count < 8 { metaDates.append(content) }
        default: break
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Small accessors over libxml2 nodes.
enum HTMLNode {
    /// The lower-case element name.
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The value of attribute `name` (names compared case-insensitively), trimmed.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        attributeBytes(node, name).map { String(decoding: $0, as: UTF8.self).trimmingCharacters() }
    }

    /// The raw bytes of attribute `name` (names compared case-insensitively), or `nil` when absent.
    static func attributeBytes(_ node: xmlNodePtr, _ name: String) -> [UInt8]? {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, equalsIgnoringCase(attrName, name) {
                return content(of: a.pointee.children)
            }
            attr = a.pointee.next
        }
        return nil
    }

    /// Whether the C string `bytes` equals `name` (lower case), ignoring ASCII case.
    private static func equalsIgnoringCase(_ bytes: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var p = bytes
        for expected in name.utf8 {
            guard ByteSearch.lower(p.pointee) == expected else { return false }
            p += 1
        }
        return p.pointee == 0
    }

    /// The concatenated text children of an element, unchanged (for `<script>` data).
    static func rawText(_ node: xmlNodePtr) -> [UInt8] {
        content(of: node.pointee.children)
    }

    /// The bytes of a run of sibling text nodes starting at `first`.
    private static func content(of first: xmlNodePtr?) -> [UInt8] {
        var out: [UInt8] = []
        var child = first
        while let c = child {
            if let content = c.pointee.content {
                var p = content
                while p.pointee != 0 {
                    out.append(p.pointee)
                    p += 1
                }
            }
            child = c.pointee.next
        }
        return out
    }

    /// The text of a subtree with whitespace collapsed and trimmed.
    static func collapsedText(_ node: xmlNodePtr) -> String {
        let lines = LineDocument(String(decoding: HTMLText.extract(node), as: UTF8.self))
        return (0..<lines.count).map { lines.string($0) }.joined(separator: " ")
    }
}

extension String {
    func trimmingCharacters() -> String { Substring(self).trimmingSpaces() }
}

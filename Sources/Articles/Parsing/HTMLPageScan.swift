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
                case "script", "style", "noscript", "svg", "template": descend = false
                default: break
                }
                if name == "article" && descend && current.pointee.children != nil { articleDepth += 1 }
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
        if let ogTitle, !ogTitle.isEmpty { title = ogTitle }
        if url == nil { url = canonical }
    }

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
        case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
            "og:published_time":
            if publishedAt == nil { publishedAt = content }
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

    /// The value of attribute `name` (names compared case-insensitively), read without allocation by libxml2.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, String(cString: attrName).lowercased() == name {
                var value: [UInt8] = []
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content {
                        var p = content
                        while p.pointee != 0 {
                            value.append(p.pointee)
                            p += 1
                        }
                    }
                    child = c.pointee.next
                }
                return String(decoding: value, as: UTF8.self).trimmingCharacters()
            }
            attr = a.pointee.next
        }
        return nil
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

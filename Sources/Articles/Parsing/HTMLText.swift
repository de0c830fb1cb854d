import CLibXML2

/// Text of an HTML subtree: skipped elements left out, block elements turned into line breaks,
/// whitespace inside text turned into spaces (``LineDocument`` normalises the rest).
enum HTMLText {
    private static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template",
        "button", "select", "textarea", "object", "embed", "canvas", "math", "head",
    ]
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article", "blockquote",
        "tr", "table", "pre", "hr", "dd", "dt", "dl", "figure", "figcaption", "main", "body", "address", "center",
        "td", "th",
    ]

    static func extract(_ root: xmlNodePtr, skip: (xmlNodePtr) -> Bool = { _ in false }) -> [UInt8] {
        var out: [UInt8] = []
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = HTMLNode.name(current)
                if !skipped.contains(name), current == root || !skip(current) {
                    descend = true
                    if blocks.contains(name) { out.append(0x0A) }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    var p = content
                    while p.pointee != 0 {
                        let b = p.pointee
                        out.append(b == 0x0A || b == 0x0D || b == 0x09 ? 0x20 : b)
                        p += 1
                    }
                }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            // Leave finished elements (emitting block breaks) and move on.
            var done: xmlNodePtr? = current
            node = nil
            while let d = done {
                if d != current, d.pointee.type == XML_ELEMENT_NODE, blocks.contains(HTMLNode.name(d)) {
                    out.append(0x0A)
                }
                if d == root { break }
                if let next = d.pointee.next {
                    node = next
                    break
                }
                done = d.pointee.parent
            }
        }
        return out
    }
}

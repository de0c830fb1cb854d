import CLibXML2

/// Readability-style scoring of a libxml2 tree: finds the element holding the article text.
///
/// One iterative pre-order pass builds a table of elements (scripts, styles, navigation, asides, footers,
/// forms controls and hidden elements left out) with their text size, link text and commas; text is
/// credited to its nearest block ancestor. Every block with at least 25 bytes of its own text is a
/// paragraph worth `1 + commas + min(bytes / 100, 3)` (less its link share), added in full to its parent,
/// half to its grandparent and a sixth to the next ancestor. A candidate starts from a tag bonus and its
/// ``HTMLClassHints`` weight, and its final score is scaled by `1 − link density`. The best candidate
/// and those of its siblings that score close to it (or are good paragraphs on their own) make the body.
struct HTMLContentScorer {
    struct Element {
        var node: xmlNodePtr
        var parent: Int
        var name: String
        var text = 0
        var linkText = 0
        var commas = 0
        var ownText = 0
        var ownLinkText = 0
        var ownCommas = 0
        var score = 0.0
        var scored = false
        var endsSentence = false
    }

    private(set) var elements: [Element] = []
    private var nodeIndex: [xmlNodePtr: Int] = [:]

    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "aside", "footer", "iframe", "svg", "template", "button", "select",
        "textarea", "object", "embed", "canvas", "math", "head", "input", "label", "option", "video", "audio",
        "picture", "img", "link", "meta",
    ]
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "tr",
        "table", "tbody", "pre", "dd", "dt", "dl", "figure", "figcaption", "main", "body", "address", "center", "td",
        "th", "header", "form",
    ]

    /// The index of `node` in ``elements``.
    func index(of node: xmlNodePtr) -> Int? { nodeIndex[node] }

    /// Builds the element table under `root` and scores it.
    mutating func build(_ root: xmlNodePtr) {
        var nearestBlock: [Int] = []
        var inLink: [Bool] = []
        var node: xmlNodePtr? = root
        var parentIndex = -1
        // Iterative pre-order walk; `parentIndex` follows the current element.
        while let current = node {
            var descended = false
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = HTMLNode.name(current)
                if !Self.skipped.contains(name), !Self.isHidden(current) {
                    let index = elements.count
                    elements.append(Element(node: current, parent: parentIndex, name: name))
                    nodeIndex[current] = index
                    let block = Self.blocks.contains(name) || parentIndex < 0 ? index : nearestBlock[parentIndex]
                    nearestBlock.append(block)
                    inLink.append(name == "a" || (parentIndex >= 0 && inLink[parentIndex]))
                    if let child = current.pointee.children {
                        parentIndex = index
                        node = child
                        descended = true
                    }
                }
            } else if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                parentIndex >= 0, let content = current.pointee.content
            {
                let (length, commas, last) = Self.measure(content)
                if length > 0 {
                    let block = nearestBlock[parentIndex]
                    elements[parentIndex].text += length
                    elements[parentIndex].commas += commas
                    elements[block].ownText += length
                    elements[block].ownCommas += commas
                    elements[block].endsSentence =
                        last == UInt8(ascii: ".") || last == UInt8(ascii: "!")
                        || last == UInt8(ascii: "?") || last == UInt8(ascii: "\"") || last >= 0x80
                    if inLink[parentIndex] {
                        elements[parentIndex].linkText += length
                        elements[block].ownLinkText += length
                    }
                }
            }
            if descended { continue }
            // Climb until a node with a next sibling; leaving an element moves `parentIndex` up.
            var climb: xmlNodePtr? = current
            node = nil
            while let c = climb {
                if c == root { break }
                if let next = c.pointee.next {
                    node = next
                    break
                }
                guard let p = c.pointee.parent else { break }
                climb = p
                // Every element climbed into was entered on the way down: it is the current parent.
                if p != root, parentIndex >= 0 { parentIndex = elements[parentIndex].parent }
            }
        }
        // Subtree totals: children come after parents in pre-order, so one reverse pass suffices.
        for i in stride(from: elements.count - 1, through: 1, by: -1) {
            let p = elements[i].parent
            guard p >= 0 else { continue }
            elements[p].text += elements[i].text
            elements[p].linkText += elements[i].linkText
            elements[p].commas += elements[i].commas
        }
        score()
    }

    private mutating func score() {
        for i in elements.indices {
            let e = elements[i]
            guard e.ownText >= 25, !e.name.hasPrefix("h") || e.name.count != 2 else { continue }
            let ownLink = Double(e.ownLinkText) / Double(max(e.ownText, 1))
            let value = (1 + Double(e.ownCommas) + min(Double(e.ownText) / 100, 3)) * (1 - ownLink)
            // The paragraph's own container is credited too when it is not a <p> (a div of text and <br>s).
            if e.name != "p" { initialise(i); elements[i].score += value }
            var ancestor = e.parent
            var level = 0
            while ancestor >= 0 && level < 3 {
                initialise(ancestor)
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                elements[ancestor].score += value / divider
                ancestor = elements[ancestor].parent
                level += 1
            }
        }
    }

    private mutating func initialise(_ i: Int) {
        guard !elements[i].scored else { return }
        elements[i].scored = true
        var base: Double
        switch elements[i].name {
        case "div", "article", "section", "main": base = 5
        case "pre", "td", "blockquote": base = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": base = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": base = -5
        default: base = 0
        }
        if elements[i].name == "article" || elements[i].name == "main" { base += 10 }
        elements[i].score = base + Double(HTMLClassHints.weight(elements[i].node))
    }

    /// Link text over all text in the element's subtree.
    func linkDensity(_ i: Int) -> Double {
        Double(elements[i].linkText) / Double(max(elements[i].text, 1))
    }

    /// The best candidate's index, or `nil` when no block has paragraph-sized text.
    ///
    /// When the text is split over several containers (an article cut into chunks around ads), at
    /// least two other high-scoring candidates (≥ half the top score, among the best ten) share an
    /// ancestor with the top one: that ancestor is taken instead.
    func bestCandidate() -> Int? {
        let ranked = elements.indices.filter { elements[$0].scored }
            .sorted { finalScore($0) > finalScore($1) }
        guard let top = ranked.first else { return nil }
        let topScore = finalScore(top)
        guard topScore > 0 else { return top }
        let alternatives = ranked.dropFirst().prefix(10).filter {
            finalScore($0) >= topScore * 0.5 && !isAncestor($0, of: top) && !isAncestor(top, of: $0)
        }
        guard alternatives.count >= 2 else { return top }
        var ancestor = elements[top].parent
        var depth = 0
        while ancestor >= 0 && depth < 8 {
            let shared = alternatives.filter { isAncestor(ancestor, of: $0) }.count
            if shared >= 2 { return linkDensity(ancestor) < 0.5 ? ancestor : top }
            ancestor = elements[ancestor].parent
            depth += 1
        }
        return top
    }

    /// Whether `a` is a proper ancestor of `b`.
    func isAncestor(_ a: Int, of b: Int) -> Bool {
        var p = elements[b].parent
        while p >= 0 {
            if p == a { return true }
            if p < a { return false }
            p = elements[p].parent
        }
        return false
    }

    /// The final score of a scored element.
    func finalScore(_ i: Int) -> Double { elements[i].score * (1 - linkDensity(i)) }

    /// The best candidate and the siblings worth keeping with it, in document order.
    func contentNodes(best: Int) -> [xmlNodePtr] {
        let top = elements[best]
        guard let parentNode = top.node.pointee.parent else { return [top.node] }
        let topScore = finalScore(best)
        let threshold = max(10, topScore * 0.2)
        let topClass = HTMLNode.attributeBytes(top.node, "class")
        var nodes: [xmlNodePtr] = []
        var child = parentNode.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            if c == top.node {
                nodes.append(c)
                continue
            }
            guard c.pointee.type == XML_ELEMENT_NODE, let i = nodeIndex[c] else { continue }
            let e = elements[i]
            var bonus = 0.0
            if let topClass, !topClass.isEmpty, HTMLNode.attributeBytes(c, "class") == topClass {
                bonus = topScore * 0.2
            }
            if e.scored && finalScore(i) + bonus >= threshold {
                nodes.append(c)
            } else if e.name == "p" || (e.ownText == e.text && e.text > 0) {
                let density = linkDensity(i)
                if e.text > 80 && density < 0.25 {
                    nodes.append(c)
                } else if e.text > 0 && e.text <= 80 && density == 0 && e.endsSentence {
                    nodes.append(c)
                }
            }
        }
        return nodes
    }

    /// Whether the element inside the content is boilerplate to leave out of the body.
    func isClutter(_ i: Int, container: Int) -> Bool {
        let e = elements[i]
        switch e.name {
        case "figure", "figcaption", "header", "form", "dialog", "menu":
            return true
        default: break
        }
        if e.text * 2 > elements[container].text { return false }
        if HTMLClassHints.isBoilerplate(e.node) { return true }
        let density = linkDensity(i)
        switch e.name {
        case "div", "section", "ul", "ol", "table", "dl", "p", "li", "span":
            if e.commas < 10 && density > 0.5 && e.text > 0 { return true }
            if e.name != "p" && e.name != "li" && e.name != "span" && e.commas < 10 && density > 0.25 {
                return HTMLClassHints.weight(e.node) < 25
            }
        default: break
        }
        return false
    }

    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if HTMLNode.attributeBytes(node, "hidden") != nil { return true }
        if let hidden = HTMLNode.attributeBytes(node, "aria-hidden"), hidden == Array("true".utf8) { return true }
        guard let style = HTMLNode.attributeBytes(node, "style") else { return false }
        let compact = style.filter { $0 != 0x20 }.map { ByteSearch.lower($0) }
        return compact.withUnsafeBufferPointer {
            ByteSearch.contains($0, 0, $0.count, Array("display:none".utf8))
                || ByteSearch.contains($0, 0, $0.count, Array("visibility:hidden".utf8))
        }
    }

    /// Visible bytes (whitespace runs count once), commas and the last visible byte of a text node.
    static func measure(_ content: UnsafeMutablePointer<xmlChar>) -> (Int, Int, UInt8) {
        var length = 0
        var commas = 0
        var last: UInt8 = 0
        var p = content
        var space = true
        var previous: (UInt8, UInt8) = (0, 0)
        while p.pointee != 0 {
            let b = p.pointee
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                if !space { length += 1 }
                space = true
            } else {
                space = false
                length += 1
                last = b
                if b == UInt8(ascii: ",") { commas += 1 }
                // ，(EF BC 8C)、(E3 80 81) ، (D8 8C)
                if b == 0x8C && previous == (0xEF, 0xBC) { commas += 1 }
                if b == 0x81 && previous == (0xE3, 0x80) { commas += 1 }
                if b == 0x8C && previous.1 == 0xD8 { commas += 1 }
            }
            previous = (previous.1, b)
            p += 1
        }
        return (length, commas, last)
    }
}

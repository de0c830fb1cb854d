import CLibXML2

/// What HTML extraction left out of the body inside the chosen content, kept for auditing.
///
/// Figures, images and videos become ``MediaItem``s (`<figcaption>` text as a caption, `<img>` alt text
/// and file name as an image, tracking pixels and `data:` images ignored, `02:12 - Source: CNN` clutter
/// as a video with its duration and credit); other clutter subtrees (share
/// bars, related lists, headers) and lines dropped by ``ParagraphFilter`` become ``RemovedBlock``s. At
/// most 64 of each are kept and texts are cut at 300 characters, so a cluttered page cannot inflate the
/// output.
struct HTMLRemovals {
    private(set) var media: [MediaItem] = []
    private(set) var removed: [RemovedBlock] = []

    static let limit = 64
    static let textLimit = 300

    /// Records a subtree that extraction skipped; `kind` names non-media clutter.
    mutating func record(skipped node: xmlNodePtr, kind: String) {
        guard media.count < Self.limit || removed.count < Self.limit else { return }
        switch HTMLNode.name(node) {
        case "figure", "picture":
            recordFigure(node)
        case "figcaption":
            addCaption(HTMLNode.collapsedText(node))
        case "img":
            addImage(node)
        case "video":
            let title = HTMLNode.attribute(node, "title") ?? HTMLNode.attribute(node, "aria-label") ?? ""
            let file = HTMLNode.attribute(node, "src").map(Self.fileName)
            append(media: MediaItem(kind: .video, text: Self.cut(title), fileName: file))
        case "audio", "input", "label", "option", "link", "meta", "source", "track":
            break
        default:
            let text = HTMLNode.collapsedText(node)
            if !text.isEmpty { record(line: text, kind: kind) }
        }
    }

    /// Records a line the paragraph filter dropped (or the text of a skipped subtree); a video teaser
    /// line becomes a video item, a `By …` line a byline.
    mutating func record(line: String, kind: String) {
        guard media.count < Self.limit || removed.count < Self.limit else { return }
        let utf8 = Array(line.utf8)
        let video = utf8.withUnsafeBufferPointer { MediaPatterns.videoDuration($0, start: 0, end: $0.count) }
        if let (seconds, credit) = video {
            append(media: MediaItem(kind: .video, text: "", durationSeconds: seconds, credit: credit))
        } else if kind == "boilerplate", line.hasPrefix("By ") || line.hasPrefix("by ") {
            append(removed: RemovedBlock(kind: "byline", text: Self.cut(line)))
        } else {
            append(removed: RemovedBlock(kind: kind, text: Self.cut(line)))
        }
    }

    private mutating func recordFigure(_ figure: xmlNodePtr) {
        var node = figure.pointee.children
        var stack: [xmlNodePtr] = []
        var visited = 0
        while let current = node, visited < 256 {
            visited += 1
            var descend = true
            if current.pointee.type == XML_ELEMENT_NODE {
                switch HTMLNode.name(current) {
                case "img":
                    addImage(current)
                    descend = false
                case "figcaption":
                    addCaption(HTMLNode.collapsedText(current))
                    descend = false
                default: break
                }
            }
            if descend, let child = current.pointee.children {
                if let next = current.pointee.next { stack.append(next) }
                node = child
            } else {
                node = current.pointee.next ?? stack.popLast()
            }
        }
    }

    private mutating func addCaption(_ text: String) {
        guard !text.isEmpty else { return }
        append(media: MediaItem(kind: .caption, text: Self.cut(text)))
    }

    private mutating func addImage(_ img: xmlNodePtr) {
        guard let src = HTMLNode.attribute(img, "src") ?? HTMLNode.attribute(img, "data-src"),
            !src.hasPrefix("data:")
        else { return }
        for dimension in ["width", "height"] {
            if let value = HTMLNode.attribute(img, dimension).flatMap({ Int($0) }), value <= 2 { return }
        }
        let alt = HTMLNode.attribute(img, "alt") ?? ""
        append(media: MediaItem(kind: .image, text: Self.cut(alt), fileName: Self.fileName(src)))
    }

    private mutating func append(media item: MediaItem) {
        if media.count < Self.limit, !media.contains(item) { media.append(item) }
    }

    private mutating func append(removed block: RemovedBlock) {
        if removed.count < Self.limit { removed.append(block) }
    }

    /// The last path segment of a URL, without query or fragment.
    static func fileName(_ url: String) -> String {
        let path = url.split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? ""
        return String(path.split(separator: "/").last ?? path)
    }

    private static func cut(_ text: String) -> String {
        text.count > textLimit ? String(text.prefix(textLimit)) + "…" : text
    }
}

/// The PUB topic of an output record: a fixed string or a template.
///
/// Placeholders `{source}`, `{language}` and `{worker}` are replaced by the article's source,
/// detected or declared language, and the worker name; a missing value becomes `unknown`.
/// Subscribers filter by prefix, so put the most selective part first (`news.{language}`).
public struct OutputTopic: Sendable, Hashable {
    private enum Part: Sendable, Hashable {
        case literal([UInt8]), source, language, worker
    }
    private let parts: [Part]

    /// Parses `template`.
    public init(_ template: String) {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.literal(Array(rest[..<open].utf8))) }
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            switch rest[rest.index(after: open)..<close] {
            case "source": parts.append(.source)
            case "language": parts.append(.language)
            case "worker": parts.append(.worker)
            default: parts.append(.literal(Array(rest[open...close].utf8)))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(Array(rest.utf8))) }
        self.parts = parts
    }

    /// The topic frame for one record.
    public func render(source: String?, language: String?, worker: String) -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            switch part {
            case .literal(let bytes): out += bytes
            case .source: out += Array((source.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown").utf8)
            case .language: out += Array((language.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown").utf8)
            case .worker: out += Array(worker.utf8)
            }
        }
        return out
    }
}

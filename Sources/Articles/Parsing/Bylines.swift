/// Author names from a `By X and Y` line (all-capitals names, as some tabloids print them, are
/// title-cased; `for Outlet` and timestamps after the names are cut off).
enum Bylines {
    private static let connectors: Set<Substring> = [
        "de", "del", "della", "van", "von", "der", "da", "di", "al", "bin", "le", "la", "du", "dos",
    ]

    /// The names in a byline, or `nil` when `line` is not one.
    static func authors(_ line: String, features: LineFeatures) -> [String]? {
        guard features.words >= 3, features.words <= 16, features.terminal != UInt8(ascii: "."),
            line.hasPrefix("By ") || line.hasPrefix("BY ") || line.hasPrefix("by ")
        else { return nil }
        var rest = line.dropFirst(3)
        for cut in [" | ", " - ", " — ", "Updated", "Published", "UPDATED", "PUBLISHED", " for ", " FOR "] {
            if let r = rest.firstRange(of: cut) { rest = rest[..<r.lowerBound] }
        }
        var names: [String] = []
        let parts = rest.replacing(" and ", with: ",").replacing(" & ", with: ",").split(separator: ",")
        for part in parts {
            let words = part.split(separator: " ").map(titleCased)
            guard words.count >= 2, words.count <= 5 else { continue }
            let isName = words.allSatisfy { word in
                guard let first = word.first else { return false }
                return first.isUppercase || connectors.contains(word)
            }
            guard isName, words.contains(where: { $0.contains(where: \.isLowercase) }) else { continue }
            names.append(words.joined(separator: " "))
        }
        return names.isEmpty ? nil : names
    }

    /// `SMITH` → `Smith`, `O'NEIL` → `O'neil`; words with a lower-case letter are kept.
    private static func titleCased(_ word: Substring) -> Substring {
        guard word.count >= 2, !word.contains(where: \.isLowercase), word.contains(where: \.isUppercase) else {
            return word
        }
        return word.prefix(1) + word.dropFirst().lowercased()
    }
}

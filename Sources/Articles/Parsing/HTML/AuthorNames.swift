/// Cleans author strings from page metadata and bylines into person names.
///
/// Strips a leading "By", turns any run of Unicode spaces into one space, splits on commas, " and ",
/// " & " and ";", and drops URLs, e-mail addresses, strings with digits, role words after a separator
/// ("Jane Roe | Reporter" keeps "Jane Roe"), anything longer than six words or with a role word
/// (``roles``: "Desk Editor"), and a one-word all-capitals outlet name next to other names; duplicates
/// (case-insensitive) are removed, order kept.
enum AuthorNames {
    static func clean(_ raw: [String]) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        for entry in raw {
            for name in split(entry) {
                let key = name.lowercased()
                if seen.insert(key).inserted { out.append(name) }
            }
        }
        // "Jane Roe, Sam Poe, CNN": a one-word all-capitals item after names is the outlet.
        guard out.count > 1 else { return out }
        return out.filter { name in
            name.contains(" ") || !name.allSatisfy { $0.isUppercase || !$0.isLetter }
        }
    }

    /// Words that make a "name" a desk or a role rather than a person (`Desk Editor`, `Web Staff`).
    static let roles: Set<String> = [
        "editor", "editors", "desk", "staff", "newsroom", "reporter", "reporters", "correspondent", "team",
        "writer", "writers", "admin", "administrator", "webmaster", "editorial", "contributor", "contributors",
    ]

    static func split(_ entry: String) -> [String] {
        var text = Substring(entry.trimmingCharacters())
        if text.hasPrefix("http") || text.contains("@") || text.contains("/") { return [] }
        for separator in ["|", " - ", " – ", " — "] {
            text = text.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false).first ?? text
        }
        var pieces: [Substring] = [text]
        for separator in [",", ";", " and ", " And ", " AND ", " & "] {
            pieces = pieces.flatMap { $0.split(separator: separator) }
        }
        return pieces.compactMap { piece -> String? in
            var name = piece.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for prefix in ["By ", "by ", "BY "] where name.hasPrefix(prefix) { name = String(name.dropFirst(3)) }
            if name.lowercased().hasPrefix("by:") { name = String(name.dropFirst(3)) }
            name = Substring(name).trimmingSpaces()
            let words = name.split(separator: " ").count
            guard !name.isEmpty, words <= 6, !name.contains(where: \.isNumber),
                name.first?.isLetter == true,
                !name.split(separator: " ").contains(where: { roles.contains($0.lowercased()) })
            else { return nil }
            return name
        }
    }
}

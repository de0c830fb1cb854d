/// Names from a closing credit line ("X reported from Moscow. Y and Z contributed to this report.").
enum Contributors {
    private static let markers = [
        "contributed", "reported from", "reporting from", "wrote from", "reported and wrote", "reporting by",
        "writing by", "editing by", "additional reporting",
    ]
    private static let placePrepositions: Set<String> = ["from", "in", "at", "on"]
    private static let connectors: Set<String> = ["de", "del", "van", "von", "der", "da", "di", "al", "bin", "le", "la", "du"]

    /// The people credited in `line`, or `nil` when it is not a credit line.
    static func names(in line: String) -> [String]? {
        let lower = line.lowercased()
        guard markers.contains(where: { lower.contains($0) }) else { return nil }
        var names: [String] = []
        var current: [Substring] = []
        var skippingPlace = false

        func flush() {
            if current.count >= 2, current.count <= 5, current[0] != "The", current[0] != "A" {
                names.append(current.joined(separator: " "))
            }
            current.removeAll(keepingCapacity: true)
        }

        for raw in line.split(separator: " ") {
            var token = raw
            while let f = token.first, f == "(" || f == "\"" || f == "“" || f == "[" { token.removeFirst() }
            var clauseEnd = false
            while let l = token.last, ",;.:)]\"”".contains(l) {
                if l == ".", token.count == 2, token.first!.isUppercase { break }  // an initial: "J."
                if l != "\"" && l != "”" { clauseEnd = true }
                token.removeLast()
            }
            if !token.isEmpty {
                let lowered = token.lowercased()
                let first = token.first!
                if lowered == "and" || lowered == "&" {
                    flush()
                    skippingPlace = false
                } else if first.isUppercase && (token.hasSuffix("’s") || token.hasSuffix("'s") || token.hasSuffix("s’")
                    || token.hasSuffix("s'"))
                {
                    current.removeAll(keepingCapacity: true)  // "CNN’s", "ABC News'": the employer, not a name
                    skippingPlace = false
                } else if first.isUppercase {
                    if !skippingPlace { current.append(token) }
                } else if !current.isEmpty && !skippingPlace && connectors.contains(lowered) {
                    current.append(token)
                } else {
                    flush()
                    if placePrepositions.contains(lowered) { skippingPlace = true }
                    if lowered == "by" { skippingPlace = false }
                }
            }
            if clauseEnd {
                flush()
                skippingPlace = false
            }
        }
        flush()
        return names.isEmpty ? nil : names
    }
}

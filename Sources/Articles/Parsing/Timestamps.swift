/// Publication times printed in scraped text.
enum Timestamps {
    /// The ISO 8601 time of a `PUBLISHED: … | UPDATED: …` or `Updated …` line; the published part wins.
    static func publicationTime(_ line: String) -> String? {
        var text = Substring(line)
        let lowered = line.lowercased()
        if let range = lowered.firstRange(of: "published") {
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            text = text.dropFirst(offset)
            let rest = String(text).lowercased()
            if let cut = rest.firstRange(of: "updated") ?? rest.firstRange(of: "|") {
                text = text.prefix(rest.distance(from: rest.startIndex, to: cut.lowerBound))
            }
        }
        return PublicationDate.normalise(String(text))
    }
}

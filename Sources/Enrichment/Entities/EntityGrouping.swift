public import Articles

/// Groups entity mentions into entities with a canonical name and ranks them by salience.
///
/// A mention joins an entity when it is written the same way (ignoring case and dots), when it is an
/// acronym of the entity's name (`UN` → `United Nations`, `U.S.` → `United States`), when a person's
/// mention is the first or last part of a fuller name (`Kerry` → `John Kerry`), or when an
/// organisation's mention starts its fuller name (`Apple` → `Apple Inc`) — always within one type, so
/// every mention keeps the type the tagger gave it. The fullest form names the entity.
///
/// Salience adds, per mention, 1 plus up to 1 for how early it comes, then 3 when the name or a
/// mention is in the title and 1.5 when it is in a highlight, and divides by the largest score.
public enum EntityGrouping {
    /// One tagged mention, offsets in UTF-8 bytes of the body.
    public struct Found: Sendable {
        /// The entity type.
        public var type: EntityType
        /// The byte range in the body.
        public var range: Range<Int>
        /// The text.
        public var text: String

        /// Creates a mention.
        public init(type: EntityType, range: Range<Int>, text: String) {
            self.type = type
            self.range = range
            self.text = text
        }
    }

    private struct Group {
        var name: String
        var words: [Substring]
        var key: String
        var members: [Int] = []
        var type: EntityType
    }

    /// The entities of `mentions` (in body order), most salient first.
    ///
    /// - Parameters:
    ///   - mentions: Tagged mentions in body order.
    ///   - body: The body the offsets point into.
    ///   - title: The headline, if any.
    ///   - highlights: Story highlights.
    public static func entities(
        _ mentions: [Found], body: String, title: String?, highlights: [String]
    ) -> [Entity] {
        guard !mentions.isEmpty else { return [] }
        // Longest first, so that fuller names found groups before their short forms join them.
        let order = mentions.indices.sorted {
            let a = mentions[$0].text.utf8.count
            let b = mentions[$1].text.utf8.count
            return a != b ? a > b : $0 < $1
        }
        var groups: [Group] = []
        var byKey: [String: Int] = [:]
        for m in order {
            let mention = mentions[m]
            let key = mention.type.label + " " + normalizedKey(mention.text)
            let words = mention.text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            let g =
                byKey[key]
                ?? groups.indices.first { groups[$0].type == mention.type && joins(mention, words: words, groups[$0]) }
            if let g {
                groups[g].members.append(m)
            } else {
                var group = Group(name: mention.text, words: words, key: key, type: mention.type)
                group.members.append(m)
                byKey[key] = groups.count
                groups.append(group)
            }
        }
        let scalarOffsets = ScalarOffsets(body: body, mentions: mentions)
        let length = max(1, body.utf8.count)
        let lowerTitle = title?.lowercased() ?? ""
        let lowerHighlights = highlights.map { $0.lowercased() }
        var scored: [(Entity, Double, Int)] = []
        for group in groups {
            let members = group.members.sorted()
            var score = 0.0
            var inTitle = false
            var inHighlight = false
            var forms = Set<String>()
            for m in members {
                score += 1 + (1 - Double(mentions[m].range.lowerBound) / Double(length))
                forms.insert(mentions[m].text.lowercased())
            }
            for form in forms where form.utf8.count >= 2 {
                if !lowerTitle.isEmpty, containsWord(lowerTitle, form) { inTitle = true }
                if lowerHighlights.contains(where: { containsWord($0, form) }) { inHighlight = true }
            }
            if inTitle { score += 3 }
            if inHighlight { score += 1.5 }
            let entity = Entity(
                name: group.name,
                type: group.type.label,
                salience: score,
                mentions: members.map {
                    Entity.Mention(
                        start: scalarOffsets[mentions[$0].range.lowerBound],
                        end: scalarOffsets[mentions[$0].range.upperBound],
                        text: mentions[$0].text)
                }
            )
            scored.append((entity, score, members[0]))
        }
        let top = scored.map(\.1).max() ?? 1
        return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }.map {
            var entity = $0.0
            entity.salience = $0.1 / top
            return entity
        }
    }

    /// Lower case without dots, apostrophes or a trailing possessive: `U.S.` → `us`.
    static func normalizedKey(_ text: String) -> String {
        var key = ""
        for c in text.lowercased() where c != "." && c != "'" && c != "’" { key.append(c) }
        return key
    }

    /// Whether `mention` names the entity of `group` (of the same type).
    private static func joins(_ mention: Found, words: [Substring], _ group: Group) -> Bool {
        let letters = normalizedKey(mention.text).filter { $0 != " " }
        let isAcronym =
            letters.count >= 2 && letters.count <= 6 && words.count == 1
            && mention.text.allSatisfy { $0.isUppercase || $0 == "." || $0 == "&" }
        if isAcronym, group.words.count >= 2 {
            let initials = String(
                group.words.compactMap { word -> Character? in
                    guard let first = word.first, first.isUppercase else { return nil }
                    return Character(first.lowercased())
                })
            if initials == letters { return true }
        }
        guard words.count < group.words.count else { return false }
        switch mention.type {
        case .person:
            let tail = group.words.suffix(words.count)
            let head = group.words.prefix(words.count)
            return tail.elementsEqual(words) || (words.count == 1 && head.elementsEqual(words))
        case .organization:
            return group.words.prefix(words.count).elementsEqual(words)
        default:
            return false
        }
    }

    /// Whether `text` contains `form` between non-letters (ASCII letters checked at the edges).
    static func containsWord(_ text: String, _ form: String) -> Bool {
        let t = Array(text.utf8)
        let f = Array(form.utf8)
        guard !f.isEmpty, f.count <= t.count else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b >= 0x80 }
        for start in 0...(t.count - f.count) where t[start] == f[0] {
            guard t[start..<(start + f.count)].elementsEqual(f) else { continue }
            let before = start > 0 && isLetter(t[start - 1]) && isLetter(f[0])
            let after = start + f.count < t.count && isLetter(t[start + f.count]) && isLetter(f[f.count - 1])
            if !before && !after { return true }
        }
        return false
    }
}

/// Code point offsets for the byte offsets of a set of mentions, found in one pass over the body.
struct ScalarOffsets {
    private var offsets: [Int: Int] = [:]

    init(body: String, mentions: [EntityGrouping.Found]) {
        var wanted = Set<Int>()
        for m in mentions {
            wanted.insert(m.range.lowerBound)
            wanted.insert(m.range.upperBound)
        }
        let sorted = wanted.sorted()
        var next = 0
        var scalars = 0
        var byte = 0
        for b in body.utf8 {
            while next < sorted.count, sorted[next] == byte {
                offsets[byte] = scalars
                next += 1
            }
            if b & 0xC0 != 0x80 { scalars += 1 }
            byte += 1
        }
        while next < sorted.count {
            offsets[sorted[next]] = scalars
            next += 1
        }
    }

    subscript(byte: Int) -> Int { offsets[byte] ?? 0 }
}

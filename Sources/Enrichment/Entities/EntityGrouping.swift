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
///
/// Works on UTF-8 bytes: keys are lower-cased ASCII with dots and apostrophes dropped.
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

    /// What grouping needs to know about one mention, computed once.
    private struct Form {
        /// Type, then the normalised text.
        var key: [UInt8]
        /// The normalised words.
        var words: [ArraySlice<UInt8>]
        /// The lower-cased letters when the mention is one all-capital word of 2–6 letters (`U.S.`).
        var acronym: [UInt8]?
        /// The lower-cased first letters of the capitalized words.
        var initials: [UInt8]

        init(_ mention: Found) {
            let bytes = Array(mention.text.utf8)
            var key: [UInt8] = Array(mention.type.label.utf8) + [0x20]
            var initials: [UInt8] = []
            var atWordStart = true
            var letters: [UInt8] = []
            var allCapital = true
            for b in bytes {
                if b == UInt8(ascii: " ") || b == 0x0A {
                    if key.last != 0x20 { key.append(0x20) }
                    atWordStart = true
                    continue
                }
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "'") { continue }
                let upper = b &- 0x41 < 26
                let lower = b &- 0x61 < 26
                if atWordStart, upper { initials.append(b | 0x20) }
                atWordStart = false
                if upper || lower { letters.append(b | 0x20) }
                if lower || b >= 0x80 { allCapital = false }
                key.append(upper ? b | 0x20 : b)
            }
            self.key = key
            self.initials = initials
            let text = key.dropFirst(mention.type.label.utf8.count + 1)
            words = text.split(separator: 0x20)
            acronym = allCapital && words.count == 1 && (2...6).contains(letters.count) ? letters : nil
        }
    }

    private struct Group {
        var name: String
        var form: Form
        var type: EntityType
        var members: [Int] = []
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
        let forms = mentions.map(Form.init)
        // Longest first, so that fuller names found groups before their short forms join them.
        let order = mentions.indices.sorted {
            let a = forms[$0].key.count
            let b = forms[$1].key.count
            return a != b ? a > b : $0 < $1
        }
        var groups: [Group] = []
        var byKey: [[UInt8]: Int] = [:]
        for m in order {
            let form = forms[m]
            let type = mentions[m].type
            let g = byKey[form.key] ?? groups.indices.first { groups[$0].type == type && joins(form, type, groups[$0].form) }
            if let g {
                groups[g].members.append(m)
            } else {
                byKey[form.key] = groups.count
                groups.append(Group(name: mentions[m].text, form: form, type: type, members: [m]))
            }
        }
        let scalarOffsets = ScalarOffsets(body: body, mentions: mentions)
        let length = max(1, body.utf8.count)
        let lowerTitle = title.map(lowercasedBytes) ?? []
        let lowerHighlights = highlights.map(lowercasedBytes)
        var scored: [(Entity, Double, Int)] = []
        for group in groups {
            let members = group.members.sorted()
            var score = 0.0
            for m in members { score += 1 + (1 - Double(mentions[m].range.lowerBound) / Double(length)) }
            var seen = Set<[UInt8]>()
            var inTitle = false
            var inHighlight = false
            for m in members {
                let form = lowercasedBytes(mentions[m].text)
                guard form.count >= 2, seen.insert(form).inserted else { continue }
                if !inTitle, containsWord(lowerTitle, form) { inTitle = true }
                if !inHighlight, lowerHighlights.contains(where: { containsWord($0, form) }) { inHighlight = true }
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

    /// Whether the mention `form` names the entity whose fullest form is `group` (same type).
    private static func joins(_ form: Form, _ type: EntityType, _ group: Form) -> Bool {
        if let acronym = form.acronym, group.words.count >= 2, group.initials == acronym { return true }
        guard form.words.count < group.words.count else { return false }
        switch type {
        case .person:
            return group.words.suffix(form.words.count).elementsEqual(form.words)
                || (form.words.count == 1 && group.words[0] == form.words[0])
        case .organization:
            return group.words.prefix(form.words.count).elementsEqual(form.words)
        default:
            return false
        }
    }

    private static func lowercasedBytes(_ text: String) -> [UInt8] {
        text.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    /// Whether `text` contains `form` not inside a longer word (ASCII letters checked at the edges).
    static func containsWord(_ text: [UInt8], _ form: [UInt8]) -> Bool {
        guard !form.isEmpty, form.count <= text.count else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b >= 0x80 }
        for start in 0...(text.count - form.count) where text[start] == form[0] {
            guard text[start..<(start + form.count)].elementsEqual(form) else { continue }
            let before = start > 0 && isLetter(text[start - 1]) && isLetter(form[0])
            let end = start + form.count
            let after = end < text.count && isLetter(text[end]) && isLetter(form[form.count - 1])
            if !before && !after { return true }
        }
        return false
    }
}

/// Code point offsets for the byte offsets of a set of mentions, found in one pass over the body.
struct ScalarOffsets {
    private var bytes: [Int] = []
    private var scalars: [Int] = []

    init(body: String, mentions: [EntityGrouping.Found]) {
        var wanted: [Int] = []
        wanted.reserveCapacity(mentions.count * 2)
        for m in mentions {
            wanted.append(m.range.lowerBound)
            wanted.append(m.range.upperBound)
        }
        wanted.sort()
        var next = 0
        var count = 0
        var byte = 0
        for b in body.utf8 {
            while next < wanted.count, wanted[next] == byte {
                bytes.append(byte)
                scalars.append(count)
                next += 1
            }
            if b & 0xC0 != 0x80 { count += 1 }
            byte += 1
        }
        while next < wanted.count {
            bytes.append(wanted[next])
            scalars.append(count)
            next += 1
        }
    }

    /// The code point offset of a byte offset given at creation.
    subscript(byte: Int) -> Int {
        var low = 0
        var high = bytes.count
        while low < high {
            let mid = (low + high) / 2
            if bytes[mid] < byte { low = mid + 1 } else { high = mid }
        }
        return low < scalars.count ? scalars[low] : 0
    }
}

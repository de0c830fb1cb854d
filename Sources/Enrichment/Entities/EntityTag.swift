/// A BILOU tag: outside, or the beginning, inside, last token or unit of an entity of one type.
///
/// Tags are small integers so that model rows can be indexed by them: 0 is outside, then four per
/// type in the order B, I, L, U.
public struct EntityTag: Sendable, Hashable {
    /// The tag index, `0..<EntityTag.count`.
    public var rawValue: Int

    /// The number of tags.
    public static let count = 1 + 4 * EntityType.allCases.count
    /// Outside any entity.
    public static let outside = EntityTag(rawValue: 0)

    /// Where a token stands in its entity.
    public enum Position: Int, Sendable {
        case begin = 0, inside, last, unit
    }

    /// Creates a tag from its index.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The tag for `position` in an entity of `type`.
    public init(_ type: EntityType, _ position: Position) {
        rawValue = 1 + type.rawValue * 4 + position.rawValue
    }

    /// The entity type, `nil` outside.
    public var type: EntityType? { rawValue == 0 ? nil : EntityType(rawValue: (rawValue - 1) / 4) }
    /// The position, `nil` outside.
    public var position: Position? { rawValue == 0 ? nil : Position(rawValue: (rawValue - 1) % 4) }

    /// Whether an entity is open after this tag (B or I), so the next tag must continue it.
    public var isOpen: Bool { position == .begin || position == .inside }

    /// Whether `self` may follow `previous` (a BILOU sequence constraint).
    @inline(__always)
    public func canFollow(_ previous: EntityTag) -> Bool {
        let continues = position == .inside || position == .last
        if previous.isOpen { return continues && type == previous.type }
        return !continues
    }

    /// Per previous tag, the bit set of the tags that may follow it.
    static let followers: [UInt32] = (0..<count).map { previous in
        (0..<count).reduce(UInt32(0)) {
            EntityTag(rawValue: $1).canFollow(EntityTag(rawValue: previous)) ? $0 | 1 << UInt32($1) : $0
        }
    }

    /// The bit set of the tags that close (O, L, U): the only ones allowed at the end of a line.
    static let closing: UInt32 = (0..<count).reduce(UInt32(0)) {
        EntityTag(rawValue: $1).isOpen ? $0 : $0 | 1 << UInt32($1)
    }

    /// Converts per-token entity labels with chunk boundaries into BILOU tags.
    ///
    /// - Parameter spans: `(first token, last token, type)` of each entity, not overlapping.
    /// - Parameter count: The number of tokens.
    public static func tags(for spans: [(Int, Int, EntityType)], count: Int) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: count)
        for (first, last, type) in spans {
            if first == last {
                tags[first] = EntityTag(type, .unit)
                continue
            }
            tags[first] = EntityTag(type, .begin)
            for k in (first + 1)..<last { tags[k] = EntityTag(type, .inside) }
            tags[last] = EntityTag(type, .last)
        }
        return tags
    }

    /// The entity spans `(first token, last token, type)` in a tag sequence; an entity left open at a
    /// type change or the end is closed there.
    public static func spans(in tags: some Collection<EntityTag>) -> [(Int, Int, EntityType)] {
        var spans: [(Int, Int, EntityType)] = []
        var open: (Int, EntityType)?
        for (k, tag) in tags.enumerated() {
            if let (start, type) = open, tag.type != type || tag.position == .begin || tag.position == .unit {
                spans.append((start, k - 1, type))
                open = nil
            }
            guard let type = tag.type, let position = tag.position else { continue }
            switch position {
            case .unit:
                spans.append((k, k, type))
            case .begin:
                open = (k, type)
            case .inside, .last:
                if open == nil { open = (k, type) }
                if position == .last, let (start, _) = open {
                    spans.append((start, k, type))
                    open = nil
                }
            }
        }
        if let (start, type) = open { spans.append((start, tags.count - 1, type)) }
        return spans
    }
}

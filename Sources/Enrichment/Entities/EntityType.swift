/// The kinds of named entity: people, organisations, locations and everything else named.
public enum EntityType: Int, Sendable, CaseIterable, Equatable {
    case person = 0
    case organization = 1
    case location = 2
    case miscellaneous = 3

    /// The CoNLL label: `PER`, `ORG`, `LOC`, `MISC`.
    public var label: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .miscellaneous: "MISC"
        }
    }

    /// The type for a CoNLL label, case-insensitive (`PER`, `person`, `ORG`, `LOC`, `MISC`).
    public init?(label: some StringProtocol) {
        switch label.lowercased() {
        case "per", "person", "pers": self = .person
        case "org", "organization", "organisation": self = .organization
        case "loc", "location", "place": self = .location
        case "misc": self = .miscellaneous
        default: return nil
        }
    }
}

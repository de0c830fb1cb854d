/// The name lists a ``Gazetteer`` knows; each is one bit of an entry's value.
public enum GazetteerCategory: Int, Sendable, CaseIterable {
    /// Country names and their common alternative spellings.
    case country = 0
    /// Nationality adjectives and nouns (`Syrian`, `Syrians`).
    case demonym
    /// States, provinces and other first-level subdivisions.
    case region
    /// Cities of 15,000 people or more.
    case city
    /// Cities of 500,000 people or more.
    case largeCity
    /// Continents and world regions.
    case continent
    /// Given names.
    case firstName
    /// The most common family names.
    case surname
    /// Listed companies.
    case company
    /// Legal-form suffixes of companies (`Inc`, `plc`, `GmbH`).
    case legalSuffix

    /// The bit of this category in an entry's value.
    public var bit: UInt16 { 1 << UInt16(rawValue) }
}

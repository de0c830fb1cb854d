/// A location named in an article, resolved to one gazetteer entry, with every mention of it.
public struct Place: Sendable, Hashable {
    /// What sort of place an entry is.
    public enum Kind: String, Sendable, Hashable {
        /// A sovereign country or territory with an ISO 3166-1 code.
        case country
        /// A first-level subdivision: a US state, a province.
        case region
        /// A populated place (GeoNames cities of 15,000 people or more).
        case city
    }

    /// The GeoNames id, or `nil` for a region that has none in the gazetteer.
    public var geonameID: Int?
    /// The gazetteer's name for the place.
    public var name: String
    /// The country, ISO 3166-1 alpha-2.
    public var countryCode: String
    /// The first-level subdivision code (GeoNames admin1; ISO 3166-2 suffix for regions), if known.
    public var admin1: String?
    /// Latitude in degrees, if the gazetteer has coordinates.
    public var latitude: Double?
    /// Longitude in degrees, if the gazetteer has coordinates.
    public var longitude: Double?
    /// The kind of place.
    public var kind: Kind
    /// How sure the resolution is, 0–1 (low when another place of the same name was nearly as likely).
    public var confidence: Double
    /// The mentions in the body, in body order.
    public var mentions: [Entity.Mention]

    /// Creates a place.
    public init(
        geonameID: Int?, name: String, countryCode: String, admin1: String?, latitude: Double?, longitude: Double?,
        kind: Kind, confidence: Double, mentions: [Entity.Mention]
    ) {
        self.geonameID = geonameID
        self.name = name
        self.countryCode = countryCode
        self.admin1 = admin1
        self.latitude = latitude
        self.longitude = longitude
        self.kind = kind
        self.confidence = confidence
        self.mentions = mentions
    }
}

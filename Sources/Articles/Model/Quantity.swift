/// A number with what it counts or measures (`510 sorties`, `12.5 miles`, `$1.5 billion`).
public struct Quantity: Sendable, Hashable {
    /// What sort of amount it is.
    public enum Kind: String, Sendable, Hashable {
        case money, percent, length, mass, area, volume, speed, temperature, duration, count
    }

    /// The expression as written.
    public var text: String
    /// The first code point in the body.
    public var start: Int
    /// One past the last code point.
    public var end: Int
    /// The value in `unit` (miles converted to metres, `mln` multiplied out).
    public var value: Double
    /// An SI unit (`m`, `kg`, `m2`, `m3`, `m/s`, `degC`), an ISO 4217 currency code, `%`, a calendar
    /// unit (`year`, `day`), or for counts the counted noun as written (`sorties`); `nil` for a bare count.
    public var unit: String?
    /// The kind of amount.
    public var kind: Kind

    /// Creates a quantity.
    public init(text: String, start: Int, end: Int, value: Double, unit: String?, kind: Kind) {
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
        self.kind = kind
    }
}

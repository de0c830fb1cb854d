/// A date or period named in an article (`Friday, February 5`, `last week`), resolved when possible.
public struct DateReference: Sendable, Hashable {
    /// How precise a resolved date is.
    public enum Granularity: String, Sendable, Hashable {
        case day, week, month, quarter, year
    }

    /// The expression as written.
    public var text: String
    /// The first code point in the body.
    public var start: Int
    /// One past the last code point.
    public var end: Int
    /// The date meant: `YYYY-MM-DD`, `YYYY-Www` (ISO week), `YYYY-MM`, `YYYY-Qn` or `YYYY`; `nil` when it
    /// cannot be known (a weekday or `last week` in an article without a publication date).
    public var resolved: String?
    /// The precision of the expression.
    public var granularity: Granularity
    /// Whether resolving it needs the publication date.
    public var relative: Bool

    /// Creates a date reference.
    public init(text: String, start: Int, end: Int, resolved: String?, granularity: Granularity, relative: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.resolved = resolved
        self.granularity = granularity
        self.relative = relative
    }
}

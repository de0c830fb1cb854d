/// A day of the proleptic Gregorian calendar, as a count of days since 1970-01-01.
struct CalendarDay: Hashable, Comparable {
    var days: Int

    /// The day `year`-`month`-`day` (month 1–12), or `nil` if there is no such day.
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.length(of: month, in: year) else { return nil }
        // Days from civil (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        days = era * 146_097 + dayOfEra - 719_468
    }

    init(days: Int) { self.days = days }

    /// The day an ISO 8601 text starts with (`1987-03-02`, `1987-03-02T10:00:00Z`).
    init?(iso text: String) {
        let b = Array(text.utf8.prefix(10))
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] &- 0x30 < 10 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        // Years 1001–9998 only: resolved dates a year either side must stay four-digit.
        guard let year = number(0..<4), (1001...9998).contains(year), let month = number(5..<7), let day = number(8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.days < b.days }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// (year, month, day).
    var civil: (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 = Monday … 7 = Sunday.
    var weekday: Int {
        let w = (days + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    func adding(_ days: Int) -> CalendarDay { CalendarDay(days: self.days + days) }

    /// `YYYY-MM-DD`.
    var isoDay: String {
        let (y, m, d) = civil
        return "\(Self.four(y))-\(Self.two(m))-\(Self.two(d))"
    }

    /// The ISO 8601 week, `YYYY-Www`.
    var isoWeek: String {
        let thursday = adding(4 - weekday)
        let year = thursday.civil.year
        let first = CalendarDay(year: year, month: 1, day: 1)!
        let week = (thursday.days - first.days) / 7 + 1
        return "\(Self.four(year))-W\(Self.two(week))"
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func four(_ n: Int) -> String { n < 1000 ? String(repeating: "0", count: 4 - "\(n)".count) + "\(n)" : "\(n)" }
}

/// Turns the date strings found in pages and scraped text into ISO 8601.
///
/// Accepted: ISO 8601 (`2016-02-12`, `2016-02-12 04:12:00`, `2016-02-12T04:12:00+01:00`, kept with a `T`),
/// `2016/02/12`, `20160212`, and free forms naming a month in English — `Feb 12, 2016`, `12 February 2016`,
/// `Tue, 12 Feb 2016 04:12:00 GMT`, `12:30 EST, 5 May 2013`, `0412 GMT (1212 HKT) February 12, 2016`. A
/// time is kept when one is found with a known zone abbreviation (`GMT`/`UTC`, `EST`, `PDT`, `CET`, `HKT`
/// ...); otherwise (also for the season-ambiguous `ET`) only the day.
/// Works on bytes; no regular expressions.
enum PublicationDate {
    private static let months: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }
    private static let zones: [(String, String)] = [
        ("gmt", "Z"), ("utc", "Z"), ("z", "Z"), ("bst", "+01:00"), ("cet", "+01:00"), ("cest", "+02:00"),
        ("est", "-05:00"), ("edt", "-04:00"), ("cst", "-06:00"), ("cdt", "-05:00"), ("mst", "-07:00"),
        ("mdt", "-06:00"), ("pst", "-08:00"), ("pdt", "-07:00"), ("hkt", "+08:00"),
    ]

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word([UInt8])
        case symbol(UInt8)
    }

    /// The ISO 8601 form of `text`, or `nil` when no plausible calendar day is found.
    static func normalise(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if let iso = isoPrefix(bytes) { return iso }
        return freeForm(tokens(bytes))
    }

    private static func digit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func isoPrefix(_ raw: [UInt8]) -> String? {
        var start = 0
        while start < raw.count && (raw[start] == 0x20 || raw[start] == 0x09 || raw[start] == 0x0A) { start += 1 }
        let b = Array(raw[start...])
        guard b.count >= 8, b[0..<4].allSatisfy(digit) else { return nil }
        var year = 0, month = 0, day = 0, rest = 0
        if b.count >= 10, b[4] == b[7],
            b[4] == UInt8(ascii: "-") || b[4] == UInt8(ascii: "/") || b[4] == UInt8(ascii: "."),
            b[5..<7].allSatisfy(digit), b[8..<10].allSatisfy(digit)
        {
            (year, month, day, rest) = (number(b, 0..<4), number(b, 5..<7), number(b, 8..<10), 10)
        } else if b[0..<8].allSatisfy(digit), b.count == 8 || !digit(b[8]) {
            (year, month, day, rest) = (number(b, 0..<4), number(b, 4..<6), number(b, 6..<8), 8)
        } else {
            return nil
        }
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let date = String(format4(year)) + "-" + two(month) + "-" + two(day)
        // Keep an ISO time part as written ("T04:12:00+01:00"); a space separator becomes "T".
        if rest < b.count, b[rest] == UInt8(ascii: "T") || b[rest] == 0x20, rest + 6 <= b.count,
            digit(b[rest + 1]), digit(b[rest + 2]), b[rest + 3] == UInt8(ascii: ":")
        {
            var end = rest + 1
            while end < b.count,
                digit(b[end]) || b[end] == UInt8(ascii: ":") || b[end] == UInt8(ascii: ".")
                    || b[end] == UInt8(ascii: "+") || b[end] == UInt8(ascii: "-") || b[end] == UInt8(ascii: "Z")
            {
                end += 1
            }
            return date + "T" + String(decoding: b[(rest + 1)..<end], as: UTF8.self)
        }
        return date
    }

    private static func tokens(_ b: [UInt8]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < b.count && out.count < 64 {
            let c = b[i]
            if digit(c) {
                var j = i
                while j < b.count && digit(b[j]) { j += 1 }
                out.append(.number(j - i > 9 ? -1 : number(b, i..<j), digits: j - i))
                i = j
            } else if ByteSearch.lower(c) &- UInt8(ascii: "a") < 26 {
                var j = i
                while j < b.count && ByteSearch.lower(b[j]) &- UInt8(ascii: "a") < 26 { j += 1 }
                out.append(.word(b[i..<j].map(ByteSearch.lower)))
                i = j
            } else {
                if c == UInt8(ascii: ":") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: "(")
                {
                    out.append(.symbol(c))
                }
                i += 1
            }
        }
        return out
    }

    private static func freeForm(_ t: [Token]) -> String? {
        var month = 0, monthAt = -1
        for (k, token) in t.enumerated() {
            if case .word(let w) = token, w.count >= 3, let m = months.firstIndex(where: { w.starts(with: $0) }) {
                // "may" is also a verb; accept a month word only next to a number.
                let nearNumber = [k - 1, k + 1].contains { j in
                    if t.indices.contains(j), case .number = t[j] { return true }
                    return false
                }
                if nearNumber && (w.count <= 4 || w.count >= 5 && isMonthName(w, m)) {
                    month = m + 1
                    monthAt = k
                    break
                }
            }
        }
        guard monthAt >= 0 else { return numericForm(t) }
        var year = 0, day = 0
        for token in t {
            if case .number(let n, let digits) = token, digits == 4, (1900...2200).contains(n) {
                year = n
                break
            }
        }
        for j in [monthAt + 1, monthAt - 1] where t.indices.contains(j) {
            if case .number(let n, let digits) = t[j], digits <= 2, (1...31).contains(n) {
                day = n
                break
            }
        }
        guard year > 0, day > 0 else { return nil }
        var result = String(format4(year)) + "-" + two(month) + "-" + two(day)
        if let time = timeOfDay(t) { result += "T" + time }
        return result
    }

    /// Three numbers in a row: year first (`2023/11/17`, `2023年11月17日`) or last (`12/27/2014` month
    /// first unless the first number cannot be a month).
    private static func numericForm(_ t: [Token]) -> String? {
        let numbers: [(Int, Int)] = t.compactMap {
            if case .number(let n, let d) = $0 { return (n, d) }
            return nil
        }
        guard numbers.count >= 3 else { return nil }
        for k in 0...(numbers.count - 3) {
            let (a, b, c) = (numbers[k], numbers[k + 1], numbers[k + 2])
            var ymd: (Int, Int, Int)?
            if a.1 == 4, b.1 <= 2, c.1 <= 2 {
                ymd = (a.0, b.0, c.0)
            } else if c.1 == 4, a.1 <= 2, b.1 <= 2 {
                ymd = a.0 <= 12 ? (c.0, a.0, b.0) : (c.0, b.0, a.0)
            }
            if let (y, m, d) = ymd, (1900...2200).contains(y), (1...12).contains(m), (1...31).contains(d) {
                return String(format4(y)) + "-" + two(m) + "-" + two(d)
            }
        }
        return nil
    }

    private static func isMonthName(_ word: [UInt8], _ month: Int) -> Bool {
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        return word == Array(names[month].utf8) || (month == 8 && word == Array("sept".utf8))
    }

    /// `hh:mm` or a four-digit `hhmm`, followed by a known zone, as `hh:mm:00±zone`.
    private static func timeOfDay(_ t: [Token]) -> String? {
        var k = 0
        while k < t.count {
            var hour = -1, minute = -1, next = k + 1
            if case .number(let h, let hd) = t[k], hd <= 2, k + 2 < t.count, t[k + 1] == .symbol(UInt8(ascii: ":")),
                case .number(let m, 2) = t[k + 2]
            {
                (hour, minute, next) = (h, m, k + 3)
                // Seconds.
                if next + 1 < t.count, t[next] == .symbol(UInt8(ascii: ":")), case .number(_, 2) = t[next + 1] {
                    next += 2
                }
            } else if case .number(let hm, 4) = t[k], k + 1 < t.count, case .word = t[k + 1],
                !(1900...2200).contains(hm)
            {
                (hour, minute) = (hm / 100, hm % 100)
            }
            if (0...23).contains(hour), (0...59).contains(minute) {
                var zone: String?
                if next < t.count, case .word(let w) = t[next] {
                    var w = w
                    if w == Array("am".utf8) || w == Array("pm".utf8) {
                        if w == Array("pm".utf8) && hour < 12 { hour += 12 }
                        if w == Array("am".utf8) && hour == 12 { hour = 0 }
                        next += 1
                        if next < t.count, case .word(let z) = t[next] { w = z } else { w = [] }
                    }
                    zone = zones.first { Array($0.0.utf8) == w }?.1
                }
                if let zone { return two(hour) + ":" + two(minute) + ":00" + zone }
            }
            k += 1
        }
        return nil
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func format4(_ n: Int) -> String { "\(n)" }
}

import Articles

/// Reads one date expression at a token and resolves it (``DateEnricher``).
struct DateReader {
    let buffer: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let keys: [UInt64]
    let text: ArticleText
    let published: CalendarDay?

    static func key(_ word: String) -> UInt64 { FeatureHash.lowercased(word) }
    static func table(_ keys: [UInt64]) -> WordTable<Bool> { WordTable(keys.map { ($0, true) }) }

    static let months: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (index, name) in names.enumerated() {
            table[key(name)] = index + 1
            let short = String(name.prefix(3))
            if name != "may" {
                table[key(short)] = index + 1
                table[key(short + ".")] = index + 1
            }
        }
        table[key("sept")] = 9
        table[key("sept.")] = 9
        return table
    }()
    static let weekdays: [UInt64: Int] = {
        var table: [UInt64: Int] = [:]
        for (index, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
            table[key(name)] = index + 1
        }
        return table
    }()
    /// The words a date expression can start with (numbers aside).
    static let starters: WordTable<Bool> = {
        var set = Set(months.keys).union(weekdays.keys).union(deictic.keys).union(shifts.keys).union(ordinals.keys)
        set.formUnion(yearLeads)
        for word in ["earlier", "later", "early", "late"] { set.insert(key(word)) }
        for name in ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"] {
            set.insert(key("mid-" + name))
        }
        return WordTable(set.map { ($0, true) })
    }()
    /// Year leads that start no other expression.
    static let yearLeadsOnly: WordTable<Bool> = table(
        Array(yearLeads.subtracting([key("early"), key("late"), key("end")]).subtracting(months.keys).subtracting(weekdays.keys)))
    static let yearJoins: Set<UInt64> = Set(["and", "or", "to", "through", "(", "-", "/", "©", "between"].map(key))
    static let dayParts: Set<UInt64> = Set(["morning", "afternoon", "evening", "night"].map(key))
    static let deictic: [UInt64: Int] = [key("yesterday"): -1, key("today"): 0, key("tonight"): 0, key("tomorrow"): 1]
    static let periods: [UInt64: DateReference.Granularity] = [key("week"): .week, key("month"): .month, key("year"): .year]
    static let shifts: [UInt64: Int] = [key("last"): -1, key("past"): -1, key("previous"): -1, key("this"): 0, key("next"): 1, key("coming"): 1]
    static let ordinals: [UInt64: Int] = [
        key("first"): 1, key("second"): 2, key("third"): 3, key("fourth"): 4, key("1st"): 1, key("2nd"): 2, key("3rd"): 3,
        key("4th"): 4,
    ]
    static let quarters: Set<UInt64> = Set(["quarter", "qtr", "qtr."].map(key))
    static let yearLeads: Set<UInt64> = Set(
        ["in", "since", "of", "by", "until", "till", "from", "for", "before", "after", "during", "early", "late", "mid",
         "fiscal", "through", "throughout", "year", "end", "spring", "summer", "autumn", "fall", "winter", "calendar"].map(key))
    static let clauseJoins: WordTable<Bool> = table(["and", "but", "while", "whereas", "although", "though"].map(key))
    static let pastCues: WordTable<Bool> = table(
        ["said", "told", "announced", "reported", "added", "was", "were", "had", "did", "ago", "last"].map(key))
    static let futureCues: WordTable<Bool> = table(
        ["will", "'ll", "shall", "next", "due", "scheduled", "expected", "plans", "planned", "planning", "upcoming", "coming",
         "tomorrow"].map(key))

    func word(_ k: Int) -> UInt64 { keys[k] }
    func capitalized(_ k: Int) -> Bool { tokens[k].flags.contains(.capitalized) }
    func integer(_ k: Int) -> Int? {
        let range = tokens[k].range
        guard range.count <= 4 else { return nil }
        var n = 0
        for i in range {
            guard buffer[i] &- 0x30 < 10 else { return nil }
            n = n * 10 + Int(buffer[i] - 0x30)
        }
        return n
    }
    /// A day of the month: `5`, `5th`, `22nd`.
    func dayNumber(_ k: Int) -> Int? {
        var range = tokens[k].range
        if range.count >= 3, buffer[range.upperBound - 1] &- 0x61 < 26, buffer[range.upperBound - 2] &- 0x61 < 26 {
            range = range.lowerBound..<(range.upperBound - 2)
        }
        guard range.count <= 2, !range.isEmpty else { return nil }
        var n = 0
        for i in range {
            guard buffer[i] &- 0x30 < 10 else { return nil }
            n = n * 10 + Int(buffer[i] - 0x30)
        }
        return (1...31).contains(n) ? n : nil
    }
    func year(_ k: Int) -> Int? {
        guard tokens[k].end - tokens[k].start == 4, let n = integer(k), (1900...2099).contains(n) else { return nil }
        return n
    }
    func isSemicolon(_ k: Int) -> Bool { tokens[k].end - tokens[k].start == 1 && buffer[Int(tokens[k].start)] == UInt8(ascii: ";") }
    func isComma(_ k: Int) -> Bool { k < tokens.count && tokens[k].end - tokens[k].start == 1 && buffer[Int(tokens[k].start)] == UInt8(ascii: ",") }
    func month(_ k: Int) -> Int? {
        guard capitalized(k) else { return nil }  // `may`, `march` in lower case are verbs
        return Self.months[word(k)]
    }

    /// Whether the sentence around token `k` speaks of the future: not when a reporting or past verb
    /// stands just before the date (`a spokesman said on Monday`), else when a future cue (`will`,
    /// `next`, `due`, `scheduled`) is anywhere in the sentence.
    func future(around k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && k - j <= 3 {
            if Self.pastCues.contains(word(j)) { return false }
            if tokens[j].flags.contains(.sentenceStart) { break }
            j -= 1
        }
        let cues = Self.futureCues
        j = k - 1
        while j >= 0 && k - j <= 25 {
            if cues.contains(word(j)) { return true }
            if tokens[j].flags.contains(.sentenceStart) { break }
            j -= 1
        }
        // Forward only within the clause: `On Monday, the president will visit` but not `December 28 saw
        // losses, and talks are scheduled …`.
        j = k + 1
        while j < tokens.count && j - k <= 25 && !tokens[j].flags.contains(.sentenceStart) {
            if cues.contains(word(j)) { return true }
            if isSemicolon(j) || (isComma(j) && j + 1 < tokens.count && Self.clauseJoins.contains(word(j + 1))) { break }
            j += 1
        }
        return false
    }

    func reference(_ first: Int, _ end: Int, _ resolved: String?, _ granularity: DateReference.Granularity, relative: Bool) -> DateReference {
        let bytes = Int(tokens[first].start)..<Int(tokens[end - 1].end)
        return DateReference(
            text: text.text(bytes), start: text.scalarOffset(bytes.lowerBound), end: text.scalarOffset(bytes.upperBound),
            resolved: resolved, granularity: granularity, relative: relative)
    }

    /// The year of a month (and day) given without one: of the publication year and the years either
    /// side, the one that puts the date nearest the publication date — among dates on or after it when
    /// the sentence speaks of the future, and otherwise no more than two months after it (`takes effect
    /// on Jan. 1` published on 31 December is next year; `said in May` published in March is last May).
    func impliedYear(month: Int, day: Int, future: Bool) -> Int? {
        guard let published else { return nil }
        let year = published.civil.year
        var best: (year: Int, distance: Int)?
        for candidate in (year - 1)...(year + 1) {
            guard let date = CalendarDay(year: candidate, month: month, day: min(day, CalendarDay.length(of: month, in: candidate)))
            else { continue }
            if future && date.days < published.days - 1 { continue }
            if !future && date.days > published.days + 62 { continue }  // a past-tense story rarely looks months ahead
            let distance = abs(date.days - published.days)
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.year
    }

    func monthString(_ year: Int, _ month: Int) -> String { "\(CalendarDay.four(year))-\(CalendarDay.two(month))" }

    /// The date expression starting at token `k` and the token after it.
    func read(at k: Int) -> (DateReference, Int)? {
        let w = word(k)
        // Most starters are prepositions (`in`, `of`): they only lead a year.
        if Self.yearLeadsOnly.contains(w) { return readYearLead(at: k) }
        // `last`/`this`/`next` + week, month, year or weekday; `earlier`/`later this` + period.
        let shiftStart = k
        var shiftToken = k
        if w == Word.earlier || w == Word.later || w == Word.early || w == Word.late {
            guard k + 1 < tokens.count, word(k + 1) == Word.this else { return readYearLead(at: k) }
            shiftToken = k + 1
        }
        if let shift = Self.shifts[word(shiftToken)], shiftToken + 1 < tokens.count {
            let next = shiftToken + 1
            if let granularity = Self.periods[word(next)] {
                return (periodReference(shiftStart, next + 1, shift: shift, granularity), next + 1)
            }
            if let weekday = Self.weekdays[word(next)], capitalized(next) {
                var end = next + 1
                if end < tokens.count, Self.dayParts.contains(word(end)) { end += 1 }
                let future = shift > 0 || (shift == 0 && self.future(around: k))
                return (weekdayReference(shiftStart, end, weekday, future: future), end)
            }
            if let monthNumber = month(next), shift != 0 {
                // `last March`: the latest March before publication; `next March`: the first after it.
                let resolved = published.map { published -> String in
                    let (y, m, _) = published.civil
                    if shift < 0 { return monthString(monthNumber < m ? y : y - 1, monthNumber) }
                    return monthString(monthNumber > m ? y : y + 1, monthNumber)
                }
                return (reference(shiftStart, next + 1, resolved, .month, relative: true), next + 1)
            }
        }
        if let offset = Self.deictic[w] {
            let resolved = published.map { $0.adding(offset).isoDay }
            return (reference(k, k + 1, resolved, .day, relative: true), k + 1)
        }
        // Weekday, possibly followed by a date: `Friday, February 5`.
        if let weekday = Self.weekdays[w], capitalized(k) {
            var next = k + 1
            if isComma(next) { next += 1 }
            if next < tokens.count, month(next) != nil, let (date, end) = readMonth(at: next, from: k) { return (date, end) }
            var end = k + 1
            if end < tokens.count, Self.dayParts.contains(word(end)) { end += 1 }
            return (weekdayReference(k, end, weekday, future: future(around: k)), end)
        }
        if month(k) != nil, let found = readMonth(at: k, from: k) { return found }
        // `mid-March`.
        if tokens[k].end - tokens[k].start > 4, w != 0 {
            let start = Int(tokens[k].start)
            if FeatureHash.lowercased(buffer, start, start + 4) == Word.mid,
                let monthNumber = Self.months[FeatureHash.lowercased(buffer, start + 4, Int(tokens[k].end))]
            {
                var end = k + 1
                var year: Int? = nil
                if end < tokens.count, let y = self.year(end) {
                    year = y
                    end += 1
                }
                let resolvedYear = year ?? impliedYear(month: monthNumber, day: 15, future: future(around: k))
                return (reference(k, end, resolvedYear.map { monthString($0, monthNumber) }, .month, relative: year == nil), end)
            }
        }
        // `5 May 2013`.
        if let day = dayNumber(k), k + 1 < tokens.count, let monthNumber = month(k + 1) {
            var end = k + 2
            var year: Int? = nil
            if end < tokens.count, let y = self.year(end) {
                year = y
                end += 1
            }
            let resolvedYear = year ?? impliedYear(month: monthNumber, day: day, future: future(around: k))
            let resolved = resolvedYear.flatMap { CalendarDay(year: $0, month: monthNumber, day: day)?.isoDay }
            return (reference(k, end, resolved, .day, relative: year == nil), end)
        }
        // A year on its own: before punctuation (`in 1985 and 1986.`, `(2015)`) or after `and`/`to`.
        if let y = year(k), !tokens[k].flags.contains(.capitalized) {
            let beforePunctuation = k + 1 == tokens.count
                || (tokens[k + 1].flags.contains(.punctuation) && buffer[Int(tokens[k + 1].start)] != UInt8(ascii: "%")
                    && buffer[Int(tokens[k + 1].start)] != UInt8(ascii: "-"))
            let afterJoin = k > 0 && Self.yearJoins.contains(word(k - 1)) && !countsSomething(after: k)
            let afterCurrency = k > 0 && QuantityEnricher.mayBeCurrency(buffer, tokens[k - 1])
            if (beforePunctuation || afterJoin) && !afterCurrency {
                return (reference(k, k + 1, CalendarDay.four(y), .year, relative: false), k + 1)
            }
        }
        // `the first quarter`, `fourth quarter of 1986`.
        if let quarter = Self.ordinals[w], k + 1 < tokens.count, Self.quarters.contains(word(k + 1)) {
            var end = k + 2
            var year: Int? = nil
            if end + 1 < tokens.count, word(end) == Word.of, let y = self.year(end + 1) {
                year = y
                end += 2
            } else if k > 0, let y = self.year(k - 1) {  // `1986 first quarter`: the year is its own item
                year = y
            }
            var resolved: String? = nil
            if let year {
                resolved = "\(year)-Q\(quarter)"
            } else if let published {
                // The latest such quarter that has begun, or in a future sentence the next one to begin.
                let (y, m, _) = published.civil
                let current = (m - 1) / 3 + 1
                let future = self.future(around: k)
                let shift = future ? (quarter < current ? 1 : 0) : (quarter > current ? -1 : 0)
                resolved = "\(y + shift)-Q\(quarter)"
            }
            return (reference(k, end, resolved, .quarter, relative: year == nil), end)
        }
        return readYearLead(at: k)
    }

    /// Whether the number at token `k` counts the plural after it (`of 2000 protesters`, `by 1950 votes`).
    func countsSomething(after k: Int) -> Bool {
        k + 1 < tokens.count && QuantityEnricher.isCountedWord(buffer, tokens[k + 1], word(k + 1))
            && QuantityEnricher.endsWithS(buffer, tokens[k + 1].range)  // `1986 net profit` is a year
    }

    /// A year after a preposition (`in 1986`, `fiscal 1987`, `1986/87`).
    func readYearLead(at k: Int) -> (DateReference, Int)? {
        guard k + 1 < tokens.count, tokens[k + 1].flags.contains(.hasDigit), Self.yearLeads.contains(word(k)) else { return nil }
        let next = k + 1
        if let y = year(next), !countsSomething(after: next) {
            return (reference(next, next + 1, CalendarDay.four(y), .year, relative: false), next + 1)
        }
        // `1986/87`: one token.
        let range = tokens[next].range
        if range.count == 7, buffer[range.lowerBound + 4] == UInt8(ascii: "/") {
            var n = 0
            for i in range.lowerBound..<(range.lowerBound + 4) {
                guard buffer[i] &- 0x30 < 10 else { return nil }
                n = n * 10 + Int(buffer[i] - 0x30)
            }
            guard (1900...2099).contains(n) else { return nil }
            return (reference(next, next + 1, CalendarDay.four(n), .year, relative: false), next + 1)
        }
        return nil
    }

    /// `February 5`, `Feb. 5, 2016`, `February 2016`, `February`, with `from` the expression's first token.
    func readMonth(at k: Int, from first: Int) -> (DateReference, Int)? {
        guard let monthNumber = month(k) else { return nil }
        var end = k + 1
        if end < tokens.count, let day = dayNumber(end) {
            end += 1
            var year: Int? = nil
            var afterComma = end
            if isComma(afterComma) { afterComma += 1 }
            if afterComma < tokens.count, let y = self.year(afterComma) {
                year = y
                end = afterComma + 1
            }
            let resolvedYear = year ?? impliedYear(month: monthNumber, day: day, future: future(around: first))
            let resolved = resolvedYear.flatMap { CalendarDay(year: $0, month: monthNumber, day: day)?.isoDay }
            return (reference(first, end, resolved, .day, relative: year == nil), end)
        }
        var afterComma = end
        if isComma(afterComma) { afterComma += 1 }
        if afterComma < tokens.count, let y = year(afterComma) {
            return (reference(first, afterComma + 1, monthString(y, monthNumber), .month, relative: false), afterComma + 1)
        }
        // A bare month name: only where it cannot be a name (`May`, `March` and `August` start sentences and names).
        if first == k, tokens[k].flags.contains(.sentenceStart) { return nil }
        if k + 1 < tokens.count, capitalized(k + 1), !tokens[k + 1].flags.contains(.punctuation) { return nil }
        if first == k, k > 0, capitalized(k - 1), !tokens[k - 1].flags.contains(.sentenceStart) { return nil }  // `Theresa May`
        let resolvedYear = impliedYear(month: monthNumber, day: 15, future: future(around: first))
        return (reference(first, end, resolvedYear.map { monthString($0, monthNumber) }, .month, relative: true), end)
    }

    func weekdayReference(_ first: Int, _ end: Int, _ weekday: Int, future: Bool) -> DateReference {
        var resolved: String? = nil
        if let published {
            var delta = weekday - published.weekday
            if future {
                if delta <= 0 { delta += 7 }
            } else if delta >= 0 {
                delta -= 7
            }
            resolved = published.adding(delta).isoDay
        }
        return reference(first, end, resolved, .day, relative: true)
    }

    func periodReference(_ first: Int, _ end: Int, shift: Int, _ granularity: DateReference.Granularity) -> DateReference {
        var resolved: String? = nil
        if let published {
            let (y, m, _) = published.civil
            switch granularity {
            case .week: resolved = published.adding(7 * shift).isoWeek
            case .month:
                let index = y * 12 + (m - 1) + shift
                resolved = monthString(index / 12, index % 12 + 1)
            default: resolved = CalendarDay.four(y + shift)
            }
        }
        return reference(first, end, resolved, granularity, relative: true)
    }
}

/// Word keys compared in the hot path, hashed once.
private enum Word {
    static let earlier = FeatureHash.lowercased("earlier")
    static let early = FeatureHash.lowercased("early")
    static let late = FeatureHash.lowercased("late")
    static let later = FeatureHash.lowercased("later")
    static let mid = FeatureHash.lowercased("mid-")
    static let of = FeatureHash.lowercased("of")
    static let this = FeatureHash.lowercased("this")
}

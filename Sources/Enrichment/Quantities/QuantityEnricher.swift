public import Articles

/// Numbers with what they count or measure (`enrichment.quantities`).
///
/// A quantity is a number (digits with grouping and decimals, `7-1/2`, or a number word), an optional
/// multiplier (`million`, `mln`, `bn`), and a unit: a currency symbol before it (`$`, `£`, `C$`) or a
/// currency, percentage or measurement word after it (`dlrs`, `pct`, `miles`, `tonnes`, `years`), or
/// else the counted noun (`510 sorties`, `Two U.S. officials`, `two A-10`). Measurements are converted
/// to SI (`12.5 miles` → 20,116.8 m), money to ISO 4217 codes (`Canadian dlrs` → CAD, `cts` → 0.01).
/// Years, dates (`March 2`), clock times, ordinals, identifiers (`A-10`, `No. 1`, `Boeing 747`) and
/// number words without a unit or counted noun (`one of them`) are not quantities.
public struct QuantityEnricher: Enricher {
    public var name: String { "quantities" }

    /// Creates the enricher.
    public init() {}

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let tokens = text.tokens
        let keys = text.keys
        var found: [Quantity] = []
        let numberWords = QuantityUnits.numberWords
        text.bytes.withUnsafeBufferPointer { buffer in
            var k = 0
            while k < tokens.count {
                let token = tokens[k]
                guard token.flags.contains(.hasDigit)
                    || (Self.mayStartNumberWord(buffer[Int(token.start)])
                        && (numberWords[keys[k]] != nil || Self.hasHyphen(buffer, token)))
                    || Self.mayBeCurrency(buffer, token)
                else {
                    k += 1
                    continue
                }
                if let (quantity, next) = Self.quantity(at: k, buffer, tokens, keys, text) {
                    if quantity.value.isFinite { found.append(quantity) }  // 400 digits overflow a Double
                    k = next
                } else {
                    k += 1
                }
            }
        }
        result.quantities = found
    }

    /// The quantity starting at token `k` and the token after it, if one starts there.
    static func quantity(
        at first: Int, _ buffer: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ keys: [UInt64], _ text: ArticleText
    ) -> (Quantity, Int)? {
        func word(_ k: Int) -> UInt64 { keys[k] }
        func string(_ k: Int) -> String { text.text(tokens[k].range) }
        func adjacent(_ k: Int) -> Bool { k < tokens.count && tokens[k].start == tokens[k - 1].end }
        var k = first
        var currency: String?
        if tokens[k].flags.contains(.punctuation) || (tokens[k].end - tokens[k].start <= 3 && buffer[Int(tokens[k].end) - 1] == UInt8(ascii: "$")) {
            guard let code = QuantityUnits.symbols[string(k)], k + 1 < tokens.count, adjacent(k + 1) else { return nil }
            currency = code
            k += 1
        }
        // The number.
        var value: Double
        let numberWord: Bool
        if currency == nil, let (amount, unit) = hyphenatedDuration(buffer, tokens[k].range) {
            return (make(text, tokens, first, k + 1, amount, unit, .duration), k + 1)
        }
        if tokens[k].flags.contains(.hasDigit) {
            if let parsed = parseNumber(buffer, tokens[k].range) {
                value = parsed
            } else if let parsed = suffixedNumber(buffer, tokens[k].range),
                currency != nil || (k + 1 < tokens.count && QuantityUnits.units[word(k + 1)]?.kind == .money)
            {  // `£3m`, `$1.2bn`, `5bn euros`
                value = parsed
            } else {
                return nil
            }
            numberWord = false
        } else if let parsed = QuantityUnits.numberWords[word(k)] {
            value = parsed
            numberWord = true
        } else {
            return nil
        }
        let numberToken = k
        // A minus sign written against the number (`-5 degrees`, `−3.2 pct`), not a hyphen between words.
        var first = first
        if currency == nil, first > 0, tokens[first - 1].end == tokens[first].start, !numberWord,
            isMinus(buffer, tokens[first - 1]), first < 2 || tokens[first - 2].end < tokens[first - 1].start
        {
            value = -value
            first -= 1
        }
        // Not an amount: a name or rank (`No. 1`, `Boeing 747`), a date (`March 2`), a time (`10:30`).
        var afterName = false
        if first > 0 && currency == nil {
            let previous = first - 1
            let key = word(previous)
            if QuantityUnits.namePrefixes.contains(key) && !numberWord { return nil }
            if QuantityUnits.months.contains(key) { return nil }
            // After a capitalised word (`Boeing 747`) only an explicit unit makes an amount (`Shr 1.66 dlrs`).
            afterName = tokens[previous].flags.contains(.capitalized) && !tokens[previous].flags.contains(.sentenceStart)
                && !tokens[first].flags.contains(.sentenceStart) && !numberWord && !tokens[previous].flags.contains(.punctuation)
            if key == Word.no && numberWord { return nil }
        }
        k += 1
        // `2-1/4`-style fractions split over two tokens (`2 1/4`).
        if k < tokens.count, !numberWord, let fraction = parseFraction(buffer, tokens[k].range), fraction < 1 {
            value += fraction
            k += 1
        }
        // The multiplier.
        var multiplied = false
        if k < tokens.count, let multiplier = QuantityUnits.multipliers[word(k)] {
            value *= multiplier
            k += 1
            multiplied = true
        } else if k < tokens.count, adjacent(k), currency != nil {  // `$5bn`, `£3m`
            let suffix = word(k)
            if suffix == Word.bn { value *= 1e9; k += 1 }
            else if suffix == Word.word_m { value *= 1e6; k += 1 }
        }
        if let currency {
            return (make(text, tokens, first, k, value, currency, .money), k)
        }
        // `12.0 mln`, `7.6 billion` with nothing after: an amount without a unit (table columns).
        let bare = multiplied && !numberWord ? (make(text, tokens, first, k, value, nil, .count), k) : nil
        guard k < tokens.count else { return bare }
        // A year or a date: `in 1986`, `5 May`.
        let integerYear = !numberWord && value >= 1800 && value <= 2100 && value == value.rounded()
            && tokens[numberToken].end - tokens[numberToken].start == 4
        if QuantityUnits.months.contains(word(k)) { return nil }
        if buffer[Int(tokens[k].start)] == UInt8(ascii: ":") { return nil }
        // A unit word, possibly after the currency's country (`Canadian dlrs`, `Swiss francs`).
        var countryCurrency: (dollar: String?, franc: String?)?
        var unitToken = k
        if let country = QuantityUnits.currencyCountries[word(k)], k + 1 < tokens.count {
            countryCurrency = country
            unitToken = k + 1
        } else if word(k) == Word.hong, k + 2 < tokens.count, word(k + 1) == Word.kong {
            countryCurrency = ("HKD", nil)
            unitToken = k + 2
        }
        if var unit = QuantityUnits.units[word(unitToken)] {
            if unit.kind == .mass, word(unitToken) == Word.pounds || word(unitToken) == Word.pound,
                multiplied || poundsAreMoney(before: first, tokens, keys)
            {
                unit = QuantityUnits.Unit(symbol: "GBP", factor: 1, kind: .money)
            }
            if let countryCurrency {
                if unit.symbol == "USD" && unit.factor == 1, let dollar = countryCurrency.dollar {
                    unit.symbol = dollar
                } else if unit.symbol == "FRF", let franc = countryCurrency.franc {
                    unit.symbol = franc
                } else {
                    return nil
                }
            }
            // `per cent`: the unit is two words.
            return (make(text, tokens, first, unitToken + 1, value * unit.factor, unit.symbol, unit.kind), unitToken + 1)
        }
        // `-5 degrees Celsius`, `98.6 degrees Fahrenheit`, `30 degrees C`.
        if word(k) == Word.degrees || word(k) == Word.degree, k + 1 < tokens.count {
            let scale = word(k + 1)
            if scale == Word.celsius || scale == Word.centigrade || scale == Word.c {
                return (make(text, tokens, first, k + 2, value, "degC", .temperature), k + 2)
            }
            if scale == Word.fahrenheit || scale == Word.f {
                return (make(text, tokens, first, k + 2, (value - 32) * 5 / 9, "degC", .temperature), k + 2)
            }
        }
        if word(k) == Word.per, k + 1 < tokens.count, word(k + 1) == Word.cent {
            return (make(text, tokens, first, k + 2, value, "%", .percent), k + 2)
        }
        if integerYear || afterName { return bare }
        // A counted thing: `two A-10`, `Two U.S. officials`, `1,900 “terrorist facilities”`.
        var noun = k
        if noun + 1 < tokens.count, QuoteSpans.mark(buffer, Int(tokens[noun].start)).width > 0 { noun += 1 }
        while noun < tokens.count, tokens[noun].flags.contains(.capitalized), !tokens[noun].flags.contains(.hasDigit),
            noun - k < 2, tokens[noun].end - tokens[noun].start > 1
        {
            noun += 1
        }
        guard noun < tokens.count else { return bare }
        if noun == k, tokens[k].flags.contains(.capitalized), tokens[k].flags.contains(.hasDigit) {
            return (make(text, tokens, first, k + 1, value, string(k), .count), k + 1)
        }
        // `3,000 Tunisians`, `400 North Koreans`: a capitalised plural.
        if noun > k, !isCountedWord(buffer, tokens[noun], word(noun)), endsWithS(buffer, tokens[noun - 1].range) {
            let unit = String(decoding: buffer[Int(tokens[k].start)..<Int(tokens[noun - 1].end)], as: UTF8.self).lowercased()
            return (make(text, tokens, first, noun, value, unit, .count), noun)
        }
        guard isCountedWord(buffer, tokens[noun], word(noun)) else { return bare }
        // `two former athletes`, `450,000 social security workers`: up to three words, ending at a plural.
        var end = noun + 1
        while end < tokens.count, end - noun < 3, !endsWithS(buffer, tokens[end - 1].range), !endsWithEd(buffer, tokens[end - 1].range),
            isCountedWord(buffer, tokens[end], word(end)), !endsWithEd(buffer, tokens[end].range), !endsWithIng(buffer, tokens[end].range)
        {
            end += 1
        }
        let unit = String(decoding: buffer[Int(tokens[noun].start)..<Int(tokens[end - 1].end)], as: UTF8.self).lowercased()
        return (make(text, tokens, first, end, value, unit, .count), end)
    }

    /// Whether a word starting with byte `b` can be a number word (`one` … `ninety` start with e, f, n,
    /// o, s or t).
    @inline(__always)
    static func mayStartNumberWord(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "s"), UInt8(ascii: "t"): return true
        default: return false
        }
    }

    /// A word with a hyphen after its first three letters (`five-month`).
    @inline(__always)
    static func hasHyphen(_ buffer: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        guard token.end - token.start >= 7 else { return false }
        for i in (Int(token.start) + 3)..<min(Int(token.end), Int(token.start) + 10) where buffer[i] == UInt8(ascii: "-") { return true }
        return false
    }

    /// `-` or `−` (U+2212).
    static func isMinus(_ buffer: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let start = Int(token.start)
        let length = Int(token.end) - start
        return (length == 1 && buffer[start] == UInt8(ascii: "-"))
            || (length == 3 && buffer[start] == 0xE2 && buffer[start + 1] == 0x88 && buffer[start + 2] == 0x92)
    }

    /// Whether a money word (`sold`, `worth`, `paid`) comes shortly before token `k` in its clause.
    static func poundsAreMoney(before k: Int, _ tokens: [Token], _ keys: [UInt64]) -> Bool {
        var j = k - 1
        while j >= 0 && k - j <= 8 {
            if QuantityUnits.moneyCues.contains(keys[j]) { return true }
            if tokens[j].flags.contains(.sentenceStart) || keys[j] == Word.semicolon || keys[j] == Word.comma { break }
            j -= 1
        }
        return false
    }

    /// `$`, `£`, `€`, `¥` or a `US$`-style prefix.
    @inline(__always)
    static func mayBeCurrency(_ buffer: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let start = Int(token.start)
        let length = Int(token.end) - start
        switch buffer[start] {
        case UInt8(ascii: "$"): return true
        case 0xC2: return length == 2 && (buffer[start + 1] == 0xA3 || buffer[start + 1] == 0xA5)  // £ ¥
        case 0xE2: return length == 3 && buffer[start + 1] == 0x82 && buffer[start + 2] == 0xAC  // €
        default: return length <= 3 && buffer[Int(token.end) - 1] == UInt8(ascii: "$")
        }
    }

    static func make(
        _ text: ArticleText, _ tokens: [Token], _ first: Int, _ end: Int, _ value: Double, _ unit: String?,
        _ kind: Quantity.Kind
    ) -> Quantity {
        let bytes = Int(tokens[first].start)..<Int(tokens[end - 1].end)
        let rounded = value == 0 ? 0 : (value * 1e9).rounded() / 1e9
        return Quantity(
            text: text.text(bytes), start: text.scalarOffset(bytes.lowerBound), end: text.scalarOffset(bytes.upperBound),
            value: rounded, unit: unit, kind: kind)
    }

    /// A lower-case word that can name what is counted.
    static func isCountedWord(_ buffer: UnsafeBufferPointer<UInt8>, _ token: Token, _ key: UInt64) -> Bool {
        guard !token.flags.contains(.capitalized), !token.flags.contains(.punctuation), !token.flags.contains(.hasDigit),
            token.end - token.start >= 2, !QuantityUnits.notCounted.contains(key)
        else { return false }
        let first = buffer[Int(token.start)]
        return first &- 0x61 < 26
    }

    static func endsWithS(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        buffer[range.upperBound - 1] | 0x20 == UInt8(ascii: "s")
    }

    static func endsWithEd(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.count > 3 && buffer[range.upperBound - 2] == UInt8(ascii: "e") && buffer[range.upperBound - 1] == UInt8(ascii: "d")
    }

    static func endsWithIng(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.count > 4 && buffer[range.upperBound - 3] == UInt8(ascii: "i") && buffer[range.upperBound - 2] == UInt8(ascii: "n")
            && buffer[range.upperBound - 1] == UInt8(ascii: "g")
    }

    /// `1,900` → 1900, `12.5` → 12.5, `7-1/2` → 7.5; `nil` for anything else (`1st`, `A-10`, `10:30`).
    static func parseNumber(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var integer = 0.0
        var fraction = 0.0
        var scale = 1.0
        var inFraction = false
        var digits = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = buffer[i]
            if b &- 0x30 < 10 {
                if inFraction {
                    scale /= 10
                    fraction += Double(b - 0x30) * scale
                } else {
                    integer = integer * 10 + Double(b - 0x30)
                }
                digits += 1
            } else if b == UInt8(ascii: ",") && !inFraction {
                // grouping
            } else if b == UInt8(ascii: ".") && !inFraction {
                inFraction = true
            } else if b == UInt8(ascii: "-"), let rest = parseFraction(buffer, (i + 1)..<range.upperBound), !inFraction {
                return integer + rest
            } else {
                return nil
            }
            i += 1
        }
        return digits > 0 ? integer + fraction : nil
    }

    /// `3m` → 3,000,000, `1.2bn` → 1,200,000,000, `5k` → 5,000.
    static func suffixedNumber(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var digitsEnd = range.lowerBound
        while digitsEnd < range.upperBound, buffer[digitsEnd] &- 0x30 < 10 || buffer[digitsEnd] == UInt8(ascii: ".")
            || buffer[digitsEnd] == UInt8(ascii: ",")
        {
            digitsEnd += 1
        }
        guard digitsEnd > range.lowerBound, let number = parseNumber(buffer, range.lowerBound..<digitsEnd) else { return nil }
        switch FeatureHash.lowercased(buffer, digitsEnd, range.upperBound) {
        case Word.word_m, Word.mn: return number * 1e6
        case Word.bn, Word.word_b: return number * 1e9
        case Word.word_k: return number * 1e3
        default: return nil
        }
    }

    /// `1/2` → 0.5.
    static func parseFraction(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var numerator = 0.0
        var denominator = 0.0
        var slash = false
        for i in range {
            let b = buffer[i]
            if b &- 0x30 < 10 {
                if slash { denominator = denominator * 10 + Double(b - 0x30) } else { numerator = numerator * 10 + Double(b - 0x30) }
            } else if b == UInt8(ascii: "/") && !slash {
                slash = true
            } else {
                return nil
            }
        }
        return slash && denominator > 0 ? numerator / denominator : nil
    }

    /// `45-year-old`, `19-year`, `five-month`: the amount and the calendar unit inside one token.
    static func hyphenatedDuration(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Double, String)? {
        var i = range.lowerBound
        while i < range.upperBound, buffer[i] != UInt8(ascii: "-") { i += 1 }
        guard i > range.lowerBound, i < range.upperBound else { return nil }
        var j = i + 1
        while j < range.upperBound, buffer[j] != UInt8(ascii: "-") { j += 1 }
        guard let unit = QuantityUnits.units[FeatureHash.lowercased(buffer, i + 1, j)], unit.kind == .duration,
            let amount = parseNumber(buffer, range.lowerBound..<i)
                ?? QuantityUnits.numberWords[FeatureHash.lowercased(buffer, range.lowerBound, i)]
        else { return nil }
        return (amount, unit.symbol)
    }
}

/// Word keys compared in the hot path, hashed once.
private enum Word {
    static let comma = FeatureHash.lowercased(",")
    static let semicolon = FeatureHash.lowercased(";")
    static let degree = FeatureHash.lowercased("degree")
    static let degrees = FeatureHash.lowercased("degrees")
    static let celsius = FeatureHash.lowercased("celsius")
    static let centigrade = FeatureHash.lowercased("centigrade")
    static let fahrenheit = FeatureHash.lowercased("fahrenheit")
    static let c = FeatureHash.lowercased("c")
    static let f = FeatureHash.lowercased("f")
    static let pound = FeatureHash.lowercased("pound")
    static let pounds = FeatureHash.lowercased("pounds")
    static let bn = FeatureHash.lowercased("bn")
    static let cent = FeatureHash.lowercased("cent")
    static let hong = FeatureHash.lowercased("hong")
    static let kong = FeatureHash.lowercased("kong")
    static let mn = FeatureHash.lowercased("mn")
    static let no = FeatureHash.lowercased("no")
    static let per = FeatureHash.lowercased("per")
    static let word_b = FeatureHash.lowercased("b")
    static let word_k = FeatureHash.lowercased("k")
    static let word_m = FeatureHash.lowercased("m")
}

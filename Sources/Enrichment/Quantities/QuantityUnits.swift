import Articles

/// The words that follow or precede numbers in news: number words, multipliers, currencies and
/// measurement units with their SI conversions.
enum QuantityUnits {
    /// A unit a number can carry.
    struct Unit: Sendable {
        /// The normalised unit (`m`, `kg`, `USD`, `%`, `year`).
        var symbol: String
        /// The factor to the normalised unit.
        var factor: Double
        var kind: Quantity.Kind
    }

    static func key(_ word: String) -> UInt64 { FeatureHash.lowercased(word) }

    /// Number words and their values (`twenty` → 20).
    static let numberWords: WordTable<Double> = WordTable(numberWordList.map { ($0.key, $0.value) })
    static let numberWordList: [UInt64: Double] = {
        let words = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        var table: [UInt64: Double] = [:]
        for (index, word) in words.enumerated() { table[key(word)] = Double(index + 1) }
        for (index, word) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() {
            table[key(word)] = Double(20 + 10 * index)
        }
        return table
    }()

    /// Words that multiply the number before them (`1.5 billion`, `15.6 mln`).
    static let multipliers: [UInt64: Double] = {
        var table: [UInt64: Double] = [:]
        for (word, value) in [
            ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("mln", 1e6), ("millions", 1e6), ("billion", 1e9),
            ("bln", 1e9), ("bn", 1e9), ("billions", 1e9), ("trillion", 1e12), ("trln", 1e12), ("tn", 1e12),
        ] {
            table[key(word)] = value
        }
        return table
    }()

    /// Currency symbols written before the number.
    static let symbols: [String: String] = ["$": "USD", "US$": "USD", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY"]

    /// Units written after the number (one word).
    static let units: [UInt64: Unit] = {
        var table: [UInt64: Unit] = [:]
        func add(_ words: [String], _ symbol: String, _ factor: Double, _ kind: Quantity.Kind) {
            for word in words { table[key(word)] = Unit(symbol: symbol, factor: factor, kind: kind) }
        }
        add(["pct", "percent", "%"], "%", 1, .percent)
        add(["dlrs", "dlr", "dollars", "dollar"], "USD", 1, .money)
        add(["cts", "cents", "cent"], "USD", 0.01, .money)
        add(["stg", "sterling"], "GBP", 1, .money)
        add(["pence", "p"], "GBP", 0.01, .money)
        add(["yen"], "JPY", 1, .money)
        add(["euros", "euro"], "EUR", 1, .money)
        add(["marks", "mark", "d-marks", "dm"], "DEM", 1, .money)
        add(["francs", "franc"], "FRF", 1, .money)
        add(["guilders", "guilder"], "NLG", 1, .money)
        add(["lire", "lira"], "ITL", 1, .money)
        add(["rand"], "ZAR", 1, .money)
        add(["yuan", "renminbi"], "CNY", 1, .money)
        add(["rupees", "rupee"], "INR", 1, .money)
        add(["pesos", "peso"], "MXN", 1, .money)
        add(["roubles", "rubles", "rouble", "ruble"], "RUB", 1, .money)
        add(["miles", "mile", "mi"], "m", 1609.344, .length)
        add(["kilometers", "kilometres", "kilometer", "kilometre", "km", "kms"], "m", 1000, .length)
        add(["meters", "metres", "meter", "metre"], "m", 1, .length)
        add(["centimeters", "centimetres", "cm"], "m", 0.01, .length)
        add(["millimeters", "millimetres", "mm"], "m", 0.001, .length)
        add(["feet", "foot", "ft"], "m", 0.3048, .length)
        add(["inches", "inch"], "m", 0.0254, .length)
        add(["yards", "yard"], "m", 0.9144, .length)
        add(["tonnes", "tons", "tonne", "ton", "mt"], "kg", 1000, .mass)
        add(["kilos", "kilograms", "kilogrammes", "kilo", "kilogram", "kg", "kgs"], "kg", 1, .mass)
        add(["grams", "grammes", "gram", "g"], "kg", 0.001, .mass)
        add(["pounds", "pound", "lbs", "lb"], "kg", 0.45359237, .mass)
        add(["ounces", "ounce", "oz"], "kg", 0.028349523125, .mass)
        add(["hectares", "hectare", "ha"], "m2", 10_000, .area)
        add(["acres", "acre"], "m2", 4046.8564224, .area)
        add(["litres", "liters", "litre", "liter"], "m3", 0.001, .volume)
        add(["barrels", "barrel", "bbl"], "m3", 0.158987294928, .volume)
        add(["gallons", "gallon"], "m3", 0.003785411784, .volume)
        add(["bushels", "bushel"], "m3", 0.03523907, .volume)
        add(["mph"], "m/s", 0.44704, .speed)
        add(["kph"], "m/s", 1 / 3.6, .speed)
        for word in ["year", "month", "week", "day", "hour", "minute", "second", "night", "decade", "century"] {
            add([word, word + "s"], word, 1, .duration)
        }
        add(["centuries"], "century", 1, .duration)
        add(["yrs", "yr"], "year", 1, .duration)
        add(["mins"], "minute", 1, .duration)
        add(["hrs"], "hour", 1, .duration)
        return table
    }()

    /// Adjectives naming a dollar's country (`Canadian dlrs`) or a franc's (`Swiss francs`).
    static let currencyCountries: [UInt64: (dollar: String?, franc: String?)] = [
        key("canadian"): ("CAD", nil), key("australian"): ("AUD", nil), key("singapore"): ("SGD", nil),
        key("taiwan"): ("TWD", nil), key("zimbabwe"): ("ZWD", nil), key("u.s."): ("USD", nil), key("us"): ("USD", nil),
        key("american"): ("USD", nil), key("swiss"): (nil, "CHF"), key("french"): (nil, "FRF"), key("belgian"): (nil, "BEF"),
        key("luxembourg"): (nil, "LUF"), key("h.k."): ("HKD", nil), key("n.z."): ("NZD", nil),
    ]

    /// Words after which a number is a name or a rank, not an amount (`No. 1`, `Section 8`, `Group of 10`).
    static let namePrefixes: Set<UInt64> = Set(
        ["no.", "no", "number", "section", "form", "article", "chapter", "page", "room", "route", "flight", "channel",
         "windows", "iphone", "version"].map(key))

    /// Words before `pounds` that make it money rather than weight (`sold the house for 500,000 pounds`).
    static let moneyCues: Set<UInt64> = Set(
        ["for", "worth", "cost", "costs", "paid", "pay", "pays", "sold", "buy", "bought", "price", "priced", "fine",
         "fined", "salary", "earn", "earns", "earned", "raised", "spent", "spend", "owes", "owed", "debt", "deal"].map(key))

    /// Words that cannot be a counted noun (`one of`, `two who`, `three were`).
    static let notCounted: Set<UInt64> = Set(
        ["of", "the", "a", "an", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "is", "was",
         "were", "are", "be", "been", "has", "had", "have", "will", "would", "could", "should", "may", "might", "can",
         "said", "says", "told", "who", "that", "which", "this", "these", "those", "it", "its", "their", "his", "her",
         "he", "she", "they", "we", "you", "i", "as", "than", "more", "less", "about", "after", "before", "since",
         "until", "up", "down", "over", "under", "into", "out", "per", "times", "percent", "pct", "each", "other",
         "others", "another", "more", "most", "less", "also", "only", "just", "not", "no", "all", "both", "if", "when",
         "while", "where", "so", "such", "then", "there", "here", "ago", "later", "earlier", "am", "pm", "a.m.", "p.m.",
         "vs", "vs.", "to", "against", "through", "during", "including", "among", "around", "away", "off", "last",
         "next", "first", "again", "yet", "still", "now", "today"].map(key))

    /// Month names and abbreviations: numbers next to them are dates.
    static let months: Set<UInt64> = Set(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
         "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.",
         "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."].map(key))
}

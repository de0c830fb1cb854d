internal import CEnrichdModels

/// Countries, regions, cities and place-revealing organisations, looked up by name.
///
/// Built by `scripts/build-places.py` from GeoNames, countryinfo, ISO 3166 and pytickersymbols into the
/// tab-separated table embedded in the binary (`models/places.tsv`; format in the script's header).
/// Names are matched on a ``PlaceName`` key: ASCII case folded, dots dropped, dashes as spaces.
public struct PlaceGazetteer: Sendable {
    /// What a gazetteer row describes.
    public enum Kind: UInt8, Sendable {
        case country, region, city
        /// An organisation that places a story in a country (a central bank, a listed company).
        case organisation
        /// An area larger or other than one country (`Latin America`, `Middle East`): no country.
        case area
    }

    /// One gazetteer row.
    public struct Entry: Sendable {
        public var kind: Kind
        /// GeoNames id; 0 when the row has none.
        public var geonameID: Int
        /// ISO 3166-1 alpha-2.
        public var country: String
        public var admin1: String?
        public var name: String
        public var latitude: Double?
        public var longitude: Double?
        public var population: Int
        /// The city is its country's capital.
        public var capital: Bool
        /// A hash of `country-admin1`, computed once, so that region context is a set of integers.
        public var regionKey: UInt64 = 0
    }

    /// How a name matched an entry.
    public enum Form: UInt8, Sendable {
        /// The entry's name or a standard spelling of it.
        case name
        /// A rarer spelling (GeoNames alternate names of large cities).
        case alternate
        /// A demonym or adjective of a country (`Syrian`).
        case demonym
    }

    /// One entry a name can mean.
    public struct Match: Sendable {
        /// Index into ``entries``.
        public var entry: Int32
        public var form: Form
    }

    /// Every row, in file order.
    public let entries: [Entry]
    /// Name key → `start << 32 | count` into ``matchList``; one flat array instead of one per name keeps the
    /// load to a few allocations.
    private let index: WordTable<UInt64>
    private let matchList: [Match]
    private let countryRows: [String: Int32]
    /// ``PlaceName`` keys of the first word of every country and area name and demonym (not the rare
    /// alternates): a run of words whose first word is not here names no country.
    private let countryFirstWords: WordTable<Bool>

    /// The longest name, in words, that ``matches(_:)`` can find.
    public static let maxWords = 6

    /// Reads a table in the `places.tsv` format.
    ///
    /// - Throws: ``EnrichmentError`` (`resource_unavailable`) naming the first malformed line.
    public init(table: UnsafeBufferPointer<UInt8>) throws(EnrichmentError) {
        var entries: [Entry] = []
        var pairs: [(key: UInt64, match: Match)] = []
        pairs.reserveCapacity(120_000)
        var rowKeys: [UInt64] = []
        var countryRows: [String: Int32] = [:]
        var countryFirstWords: [(UInt64, Bool)] = []
        entries.reserveCapacity(40_000)
        var lineNumber = 0
        var start = 0
        var fields: [Range<Int>] = []
        fields.reserveCapacity(10)
        while start < table.count {
            var end = start
            while end < table.count && table[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if end == start || table[start] == UInt8(ascii: "#") { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = start
            for k in start...end where k == end || table[k] == 0x09 {
                fields.append(fieldStart..<k)
                fieldStart = k + 1
            }
            func text(_ field: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: table[fields[field]]), as: UTF8.self)
            }
            func isDash(_ field: Int) -> Bool { fields[field].count == 1 && table[fields[field].lowerBound] == UInt8(ascii: "-") }
            guard fields.count == 10, fields[0].count == 1, let kind = Self.kind(table[fields[0].lowerBound]),
                let id = Self.integer(table, fields[1]), fields[2].count == 2, let population = Self.integer(table, fields[7])
            else {
                throw EnrichmentError(
                    code: .resourceUnavailable, enricher: "places", detail: "places table line \(lineNumber) is malformed")
            }
            let row = Int32(entries.count)
            let country = text(2)
            entries.append(
                Entry(
                    kind: kind, geonameID: id, country: country, admin1: isDash(3) ? nil : text(3), name: text(4),
                    latitude: Self.decimal(table, fields[5]), longitude: Self.decimal(table, fields[6]), population: population,
                    capital: table[fields[0].lowerBound] == UInt8(ascii: "K"),
                    regionKey: Self.regionKey(table, country: fields[2], admin1: isDash(3) ? nil : fields[3])))
            if kind == .country { countryRows[country] = row }
            rowKeys.removeAll(keepingCapacity: true)
            func add(_ field: Int, _ form: Form) {
                guard !isDash(field) else { return }
                var nameStart = fields[field].lowerBound
                for k in fields[field].lowerBound...fields[field].upperBound
                where k == fields[field].upperBound || table[k] == UInt8(ascii: "|") {
                    let name = UnsafeBufferPointer(rebasing: table[nameStart..<k])
                    let key = PlaceName.key(name)
                    if kind == .country || kind == .area, form != .alternate {
                        countryFirstWords.append((PlaceName.firstWordKey(name), true))
                    }
                    nameStart = k + 1
                    if rowKeys.contains(key) { continue }
                    rowKeys.append(key)
                    pairs.append((key, Match(entry: row, form: form)))
                }
            }
            add(8, .name)
            add(9, kind == .country ? .demonym : .alternate)
        }
        // A name shared by several entries (`American`) means the most populous first, then file order.
        pairs.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            let (pa, pb) = (entries[Int(a.match.entry)].population, entries[Int(b.match.entry)].population)
            return pa != pb ? pa > pb : a.match.entry < b.match.entry
        }
        var ranges: [(UInt64, UInt64)] = []
        ranges.reserveCapacity(pairs.count)
        var first = 0
        while first < pairs.count {
            var last = first + 1
            while last < pairs.count && pairs[last].key == pairs[first].key { last += 1 }
            ranges.append((pairs[first].key, UInt64(first) << 32 | UInt64(last - first)))
            first = last
        }
        self.entries = entries
        self.index = WordTable(ranges)
        self.matchList = pairs.map(\.match)
        self.countryRows = countryRows
        self.countryFirstWords = WordTable(countryFirstWords)
    }

    /// The table built into the binary, read once.
    ///
    /// The bytes are part of the executable and checked by the tests; a damaged table is a broken
    /// build, so this stops the process with the reason.
    public static let builtIn: PlaceGazetteer = {
        let bytes = UnsafeBufferPointer(start: enrichd_places_bytes(), count: enrichd_places_size())
        do {
            return try PlaceGazetteer(table: bytes)
        } catch {
            fatalError("the built-in places table cannot be read: \(error)")
        }
    }()

    /// The entries `key` (a ``PlaceName`` key) can mean, most populous first.
    public func matches(key: UInt64) -> ArraySlice<Match> {
        guard let packed = index[key] else { return [] }
        let start = Int(packed >> 32)
        return matchList[start..<start + Int(packed & 0xFFFF_FFFF)]
    }

    /// Whether a name starting with the word of ``PlaceName`` key `key` can be a country or an area.
    func mayStartCountryName(_ key: UInt64) -> Bool {
        countryFirstWords.contains(key)
    }

    /// The entries `name` can mean.
    public func matches(_ name: some StringProtocol) -> ArraySlice<Match> {
        matches(key: PlaceName.key(name.utf8))
    }

    /// The country that `name` names or is the demonym of (`Syrian` → `SY`), if any.
    public func countryCode(of name: some StringProtocol) -> String? {
        countryCode(key: PlaceName.key(name.utf8))
    }

    /// The country that the name with ``PlaceName`` key `key` names or is the demonym of.
    public func countryCode(key: UInt64) -> String? {
        for match in matches(key: key) where match.form != .alternate && entries[Int(match.entry)].kind == .country {
            return entries[Int(match.entry)].country
        }
        return nil
    }

    /// The row of the country with ISO code `code`.
    public func country(_ code: String) -> Entry? {
        countryRows[code].map { entries[Int($0)] }
    }

    /// FNV-1a over `country`, `-` and `admin1` (empty when absent).
    private static func regionKey(_ table: UnsafeBufferPointer<UInt8>, country: Range<Int>, admin1: Range<Int>?) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        for k in country { add(table[k]) }
        add(UInt8(ascii: "-"))
        for k in admin1 ?? 0..<0 { add(table[k]) }
        return hash
    }

    private static func kind(_ byte: UInt8) -> Kind? {
        switch byte {
        case UInt8(ascii: "C"): .country
        case UInt8(ascii: "R"): .region
        case UInt8(ascii: "P"), UInt8(ascii: "K"): .city
        case UInt8(ascii: "O"): .organisation
        case UInt8(ascii: "A"): .area
        default: nil
        }
    }

    private static func integer(_ table: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for k in range {
            let digit = Int(table[k]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// A `-12.3456`-style number, or `nil` (for `-` and anything else).
    private static func decimal(_ table: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var k = range.lowerBound
        let negative = k < range.upperBound && table[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        var value = 0.0
        var scale = 0.0
        var digits = 0
        while k < range.upperBound {
            let b = table[k]
            if b == UInt8(ascii: "."), scale == 0 {
                scale = 1
            } else if b >= 48 && b <= 57 {
                value = value * 10 + Double(b - 48)
                if scale > 0 { scale *= 10 }
                digits += 1
            } else {
                return nil
            }
            k += 1
        }
        guard digits > 0 else { return nil }
        let result = scale > 0 ? value / scale : value
        return negative ? -result : result
    }
}

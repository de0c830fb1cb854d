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
    private let index: [UInt64: [Match]]
    private let countryRows: [String: Int32]

    /// The longest name, in words, that ``matches(_:)`` can find.
    public static let maxWords = 6

    /// Reads a table in the `places.tsv` format.
    ///
    /// - Throws: ``EnrichmentError`` (`resource_unavailable`) naming the first malformed line.
    public init(table: UnsafeBufferPointer<UInt8>) throws(EnrichmentError) {
        var entries: [Entry] = []
        var index: [UInt64: [Match]] = [:]
        var countryRows: [String: Int32] = [:]
        entries.reserveCapacity(40_000)
        index.reserveCapacity(80_000)
        var lineNumber = 0
        var start = 0
        while start < table.count {
            var end = start
            while end < table.count && table[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if end == start || table[start] == UInt8(ascii: "#") { continue }
            let line = String(decoding: UnsafeBufferPointer(rebasing: table[start..<end]), as: UTF8.self)
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 10, let kind = Self.kind(fields[0]), let id = Int(fields[1]),
                fields[2].utf8.count == 2, let population = Int(fields[7])
            else {
                throw EnrichmentError(
                    code: .resourceUnavailable, enricher: "places", detail: "places table line \(lineNumber) is malformed")
            }
            let row = Int32(entries.count)
            entries.append(
                Entry(
                    kind: kind, geonameID: id, country: String(fields[2]), admin1: fields[3] == "-" ? nil : String(fields[3]),
                    name: String(fields[4]), latitude: Double(fields[5]), longitude: Double(fields[6]), population: population,
                    capital: fields[0] == "K"))
            if kind == .country { countryRows[String(fields[2])] = row }
            func add(_ names: Substring, _ form: Form) {
                guard names != "-" else { return }
                for name in names.split(separator: "|") {
                    let key = PlaceName.key(name.utf8)
                    if index[key, default: []].contains(where: { $0.entry == row }) { continue }
                    index[key, default: []].append(Match(entry: row, form: form))
                }
            }
            add(fields[8], .name)
            add(fields[9], kind == .country ? .demonym : .alternate)
        }
        // A name shared by several entries (`American`) means the most populous first.
        for (key, matches) in index where matches.count > 1 {
            index[key] = matches.sorted { entries[Int($0.entry)].population > entries[Int($1.entry)].population }
        }
        self.entries = entries
        self.index = index
        self.countryRows = countryRows
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
    public func matches(key: UInt64) -> [Match] {
        index[key] ?? []
    }

    /// The entries `name` can mean.
    public func matches(_ name: some StringProtocol) -> [Match] {
        matches(key: PlaceName.key(name.utf8))
    }

    /// The row of the country with ISO code `code`.
    public func country(_ code: String) -> Entry? {
        countryRows[code].map { entries[Int($0)] }
    }

    private static func kind(_ field: Substring) -> Kind? {
        switch field {
        case "C": .country
        case "R": .region
        case "P", "K": .city
        case "O": .organisation
        default: nil
        }
    }
}

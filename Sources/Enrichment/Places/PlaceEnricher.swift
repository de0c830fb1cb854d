public import Articles

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves the article's location mentions to gazetteer places (`enrichment.places`) and ranks the
/// countries the article is about (`enrichment.countries`).
///
/// Reads the entities found by ``EntityEnricher`` (run it first); without them only country names and
/// demonyms found directly in the text count. The steps:
/// 1. Context: country names and demonyms anywhere in the text (`Syrian` counts for Syria), regions
///    (`Texas`), the dateline's place, and organisations that place a story in a country (the
///    Bundesbank, listed companies, `Inc`/`plc` legal forms).
/// 2. Each location name is resolved among the entries it can mean by population, kind, and whether
///    the article names the entry's country or region or datelines from its country: `Paris` is in
///    France unless the story names Texas.
/// 3. Each piece of evidence credits its country, more in the title, the dateline and the first
///    paragraph; countries scoring at least ``minimumShare`` of the best are kept, best first.
public struct PlaceEnricher: Enricher {
    /// The gazetteer.
    public let gazetteer: PlaceGazetteer
    /// A country is reported when its score is at least this share of the best country's.
    public var minimumShare: Double

    public var name: String { "places" }

    /// Creates the enricher.
    public init(gazetteer: PlaceGazetteer = .builtIn, minimumShare: Double = 0.3) {
        self.gazetteer = gazetteer
        self.minimumShare = minimumShare
    }

    public func enrich(_ article: Article, into result: inout Enrichments) throws(EnrichmentError) {
        let found = places(in: article, entities: result.entities ?? [])
        result.places = found.places
        result.countries = found.countries
    }

    /// How much each kind of evidence counts toward a country.
    enum Weight {
        static let countryName = 1.0
        static let demonym = 0.7
        static let region = 0.8
        static let city = 0.8
        static let institution = 0.6
        static let nameInOrganisation = 0.4
        static let legalForm = 0.25
        static let dateline = 1.5
        static let title = 2.0
        static let lead = 1.5
    }

    /// The places and countries of `article`.
    public func places(in article: Article, entities: [Entity]) -> (places: [Place], countries: [CountryScore]) {
        var tally = CountryTally()
        var resolved: [Int32: [Entity.Mention]] = [:]
        var confidence: [Int32: Double] = [:]
        let leadEnd = Self.leadEnd(article.body)
        func lead(_ mention: Entity.Mention) -> Double { mention.start < leadEnd ? Weight.lead : 1 }

        // 1. Context and direct country evidence.
        var locations: [UInt64: [Entity.Mention]] = [:]
        var locationOrder: [UInt64] = []
        var covered: [Range<Int>] = []
        for entity in entities {
            for mention in entity.mentions {
                covered.append(mention.start..<mention.end)
                let key = PlaceName.key(mention.text.utf8)
                switch entity.type {
                case "LOC":
                    if locations[key] == nil { locationOrder.append(key) }
                    locations[key, default: []].append(mention)
                case "MISC":
                    if let country = countryOf(demonymKey: key) ?? countryOf(demonymKey: Self.firstWordKey(mention.text)) {
                        tally.credit(country, Weight.demonym * lead(mention), named: true)
                    }
                case "ORG":
                    organisationEvidence(mention, key: key, lead: lead(mention), into: &tally)
                default:
                    break
                }
            }
        }
        covered.sort { $0.lowerBound < $1.lowerBound }
        scanCountryNames(article.body, skipping: covered) { row, form, mention in
            let country = gazetteer.entries[Int(row)].country
            if form == .demonym {
                tally.credit(country, Weight.demonym * lead(mention), named: true)
            } else {
                resolved[row, default: []].append(mention)
                confidence[row] = 0.95
                tally.credit(country, Weight.countryName * lead(mention), named: true)
            }
        }
        // The dateline: `PARIS, Texas` names a place and, after the comma, its region or country.
        var datelineCountry: String?
        if let location = article.dateline?.location {
            let parts = location.split(separator: ",").map { $0.trimmingPrefix(" ") }
            for part in parts.dropFirst() {
                for match in gazetteer.matches(part) {
                    let entry = gazetteer.entries[Int(match.entry)]
                    if entry.kind == .region { tally.regions.insert(entry.country + "-" + (entry.admin1 ?? "")) }
                    if entry.kind == .region || entry.kind == .country { tally.named.insert(entry.country) }
                }
            }
            if let first = parts.first, let best = resolve(PlaceName.key(first.utf8), tally: tally, datelineCountry: nil) {
                let entry = gazetteer.entries[Int(best.entry)]
                datelineCountry = entry.country
                tally.credit(entry.country, Weight.dateline, named: true)
                if entry.kind == .region { tally.regions.insert(entry.country + "-" + (entry.admin1 ?? "")) }
            }
        }
        // Countries and regions named as locations are context for the cities.
        for key in locationOrder {
            for match in gazetteer.matches(key: key) where match.form == .name {
                let entry = gazetteer.entries[Int(match.entry)]
                switch entry.kind {
                case .country:
                    tally.named.insert(entry.country)
                case .region:
                    tally.regions.insert(entry.country + "-" + (entry.admin1 ?? ""))
                    tally.named.insert(entry.country)
                case .city, .organisation:
                    break
                }
            }
        }

        // 2. Resolve location names.
        for key in locationOrder {
            guard let mentions = locations[key], let best = resolve(key, tally: tally, datelineCountry: datelineCountry)
            else { continue }
            let entry = gazetteer.entries[Int(best.entry)]
            resolved[best.entry, default: []].append(contentsOf: mentions)
            confidence[best.entry] = max(confidence[best.entry] ?? 0, best.confidence)
            let weight: Double
            switch entry.kind {
            case .country: weight = Weight.countryName
            case .region: weight = Weight.region
            case .city, .organisation: weight = Weight.city
            }
            for mention in mentions { tally.credit(entry.country, weight * best.confidence * lead(mention), named: false) }
        }

        // 3. The title, for countries and for places the body resolved.
        if let title = article.title {
            let bodyRows = Set(resolved.keys)
            scanTitle(title) { match in
                let entry = gazetteer.entries[Int(match.entry)]
                guard entry.kind == .country || bodyRows.contains(match.entry) else { return }
                tally.credit(entry.country, Weight.title, named: true)
            }
            // A company headline (`SALOMON INC SETS DIVIDEND`).
            for word in title.split(separator: " ") {
                if let country = Self.legalFormCountry(word.uppercased() == word ? Self.titleCased(word) : String(word)) {
                    tally.credit(country, Weight.legalForm, named: false)
                    break
                }
            }
        }

        var places: [Place] = []
        for (row, mentions) in resolved {
            let entry = gazetteer.entries[Int(row)]
            let kind: Place.Kind
            switch entry.kind {
            case .country: kind = .country
            case .region: kind = .region
            case .city, .organisation: kind = .city
            }
            var sorted: [Entity.Mention] = []
            for m in mentions.sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) })
            where sorted.last.map({ m.start >= $0.end }) ?? true {
                sorted.append(m)
            }
            places.append(
                Place(
                    geonameID: entry.geonameID == 0 ? nil : entry.geonameID, name: entry.name, countryCode: entry.country,
                    admin1: entry.admin1, latitude: entry.latitude, longitude: entry.longitude, kind: kind,
                    confidence: ((confidence[row] ?? 0) * 1000).rounded() / 1000, mentions: sorted))
        }
        places.sort {
            $0.mentions.count != $1.mentions.count
                ? $0.mentions.count > $1.mentions.count : $0.mentions[0].start < $1.mentions[0].start
        }
        let countries = tally.ranked(minimumShare: minimumShare) { gazetteer.country($0)?.name ?? $0 }
        return (places, countries)
    }

    /// The best entry for a location name, with a confidence from how far it beats the others.
    private func resolve(_ key: UInt64, tally: CountryTally, datelineCountry: String?) -> (entry: Int32, confidence: Double)? {
        var best: (entry: Int32, score: Double)?
        var total = 0.0
        for match in gazetteer.matches(key: key) where match.form != .demonym {
            let entry = gazetteer.entries[Int(match.entry)]
            var score: Double
            switch entry.kind {
            case .organisation: continue
            case .country: score = 2.0
            case .region: score = entry.population > 0 ? log10(Double(entry.population)) / 8 : 0.8
            case .city: score = log10(Double(max(entry.population, 1))) / 7 + (entry.capital ? 0.6 : 0)
            }
            if match.form == .alternate { score -= 0.7 }
            if entry.kind != .country && tally.named.contains(entry.country) { score += 1.0 }
            if entry.kind == .city, let admin1 = entry.admin1, tally.regions.contains(entry.country + "-" + admin1) { score += 1.2 }
            if entry.country == datelineCountry { score += 0.5 }
            let weight = exp(score * 2)
            total += weight
            if best == nil || score > best!.score { best = (match.entry, score) }
        }
        guard let best else { return nil }
        return (best.entry, min(0.99, exp(best.score * 2) / total))
    }

    /// Country evidence from an organisation's name.
    private func organisationEvidence(_ mention: Entity.Mention, key: UInt64, lead: Double, into tally: inout CountryTally) {
        if let match = gazetteer.matches(key: key).first(where: { gazetteer.entries[Int($0.entry)].kind == .organisation }) {
            tally.credit(gazetteer.entries[Int(match.entry)].country, Weight.institution * lead, named: false)
            return
        }
        var found: String?
        var text = mention.text
        text.withUTF8 { bytes in
            PlaceWords(bytes).forEachRun(in: bytes, maxWords: 3, capitalisedOnly: true) { _, runs in
                guard found == nil else { return 0 }
                for run in runs.reversed() {
                    // A country, region or sizeable city in the name: the Bank of Japan, the Chicago Board of Trade.
                    if let match = gazetteer.matches(key: run.key).first(where: {
                        let entry = gazetteer.entries[Int($0.entry)]
                        return $0.form != .alternate
                            && (entry.kind == .country || entry.kind == .region || entry.kind == .city && entry.population >= 100_000)
                    }) {
                        found = gazetteer.entries[Int(match.entry)].country
                        return run.words
                    }
                }
                return 0
            }
        }
        if let found {
            tally.credit(found, Weight.nameInOrganisation * lead, named: false)
        } else if let country = Self.legalFormCountry(mention.text) {
            tally.credit(country, Weight.legalForm * lead, named: false)
        }
    }

    private func countryOf(demonymKey key: UInt64) -> String? {
        for match in gazetteer.matches(key: key) where gazetteer.entries[Int(match.entry)].kind == .country {
            return gazetteer.entries[Int(match.entry)].country
        }
        return nil
    }

    /// Country names and demonyms in `body` outside entity mentions (which the caller handles).
    private func scanCountryNames(
        _ body: String, skipping covered: [Range<Int>],
        _ found: (_ row: Int32, _ form: PlaceGazetteer.Form, _ mention: Entity.Mention) -> Void
    ) {
        var body = body
        body.withUTF8 { bytes in
            var coveredIndex = 0
            PlaceWords(bytes).forEachRun(in: bytes, maxWords: 4, capitalisedOnly: true) { first, runs in
                while coveredIndex < covered.count && covered[coveredIndex].upperBound <= first.scalarStart { coveredIndex += 1 }
                if coveredIndex < covered.count && covered[coveredIndex].lowerBound <= first.scalarStart { return 0 }
                for run in runs.reversed() {
                    for match in gazetteer.matches(key: run.key) where gazetteer.entries[Int(match.entry)].kind == .country {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.start..<run.last.end]), as: UTF8.self)
                        found(match.entry, match.form, Entity.Mention(start: first.scalarStart, end: run.last.scalarEnd, text: text))
                        return run.words
                    }
                }
                return 0
            }
        }
    }

    /// Gazetteer matches of word runs in the title (all-capitals titles included).
    private func scanTitle(_ title: String, _ found: (PlaceGazetteer.Match) -> Void) {
        var seen = Set<Int32>()
        var title = title
        title.withUTF8 { bytes in
            PlaceWords(bytes).forEachRun(in: bytes, maxWords: 4, capitalisedOnly: false) { _, runs in
                for run in runs.reversed() {
                    // The most populous meaning of the longest name; the rest of the run is part of it.
                    guard let match = gazetteer.matches(key: run.key).first(where: { $0.form != .alternate }) else { continue }
                    if seen.insert(match.entry).inserted { found(match) }
                    return run.words
                }
                return 0
            }
        }
    }

    /// The scalar offset where the lead ends: the first paragraph, and at least 300 characters.
    static func leadEnd(_ body: String) -> Int {
        var scalars = 0
        var previousNewline = false
        for byte in body.utf8 {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == 0x0A {
                if previousNewline && scalars >= 300 { return scalars }
                previousNewline = true
            } else {
                previousNewline = false
            }
        }
        return scalars
    }

    /// `INC` → `Inc`.
    static func titleCased(_ word: Substring) -> String {
        word.prefix(1) + word.dropFirst().lowercased()
    }

    static func firstWordKey(_ text: String) -> UInt64 {
        let word = text.utf8.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
        return PlaceName.key(word)
    }

    /// The country whose company law a legal form at the end of an organisation name belongs to.
    static func legalFormCountry(_ name: String) -> String? {
        guard let last = name.split(separator: " ").last else { return nil }
        switch last {
        case "Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Incorporated", "Corporation", "LLC", "Llc": return "US"
        case "plc", "PLC", "Plc": return "GB"
        case "GmbH", "AG", "KGaA": return "DE"
        case "Pty": return "AU"
        case "KK", "K.K.": return "JP"
        default: return nil
        }
    }
}

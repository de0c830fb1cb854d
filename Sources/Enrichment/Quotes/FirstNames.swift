internal import CEnrichdModels

/// The usual gender of common first names, so that `she said` does not resolve to a man
/// (`models/first-names.tsv`, built by `scripts/build-first-names.py` from the 1990 US Census lists).
struct FirstNames: Sendable {
    enum Gender: UInt8, Sendable {
        case male, female
    }

    private let table: WordTable<Gender>

    /// Reads `name<TAB>M|F` lines; `#` lines and malformed lines are skipped.
    init(table bytes: UnsafeBufferPointer<UInt8>) {
        var entries: [(UInt64, Gender)] = []
        entries.reserveCapacity(6_000)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            guard end - start >= 3, bytes[start] != UInt8(ascii: "#"), bytes[end - 2] == 0x09 else { continue }
            let gender: Gender? = bytes[end - 1] == UInt8(ascii: "M") ? .male : bytes[end - 1] == UInt8(ascii: "F") ? .female : nil
            if let gender { entries.append((FeatureHash.lowercased(bytes, start, end - 2), gender)) }
        }
        self.table = WordTable(entries)
    }

    /// The table built into the binary.
    static let builtIn = FirstNames(table: UnsafeBufferPointer(start: enrichd_first_names_bytes(), count: enrichd_first_names_size()))

    /// The usual gender of the first word of `name`, if the name is common enough to tell.
    func gender(of name: String) -> Gender? {
        var name = name
        return name.withUTF8 { bytes in
            var end = 0
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            return table[FeatureHash.lowercased(bytes, 0, end)]
        }
    }
}

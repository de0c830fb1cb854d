/// Charset helpers for pages that are not UTF-8.
enum Windows1252 {
    /// Unicode scalars for bytes 0x80–0x9F in Windows-1252 (0 = undefined, kept as the C1 code point).
    private static let high: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    /// Decodes Windows-1252 (also used for ISO-8859-1, as browsers do) into a string.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            var scalar = UInt32(b)
            if b < 0x80 {
                out.append(b)
                continue
            }
            if b < 0xA0, high[Int(b - 0x80)] != 0 { scalar = UInt32(high[Int(b - 0x80)]) }
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            } else {
                out.append(UInt8(0xE0 | scalar >> 12))
                out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The charset declared in the first 4 KiB of an HTML page (`<meta charset>` or http-equiv), lower-cased.
    static func declaredCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let end = min(bytes.count, 4096)
        let needle = Array("charset".utf8)
        var i = 0
        while i + needle.count < end {
            var match = true
            for k in 0..<needle.count where bytes[i + k] | 0x20 != needle[k] {
                match = false
                break
            }
            if !match {
                i += 1
                continue
            }
            var j = i + needle.count
            while j < end, bytes[j] == 0x20 { j += 1 }
            guard j < end, bytes[j] == UInt8(ascii: "=") else {
                i = j
                continue
            }
            j += 1
            while j < end, bytes[j] == 0x20 || bytes[j] == 0x22 || bytes[j] == 0x27 { j += 1 }
            var name: [UInt8] = []
            while j < end, name.count < 40 {
                let c = bytes[j] | 0x20
                let isNameByte =
                    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (bytes[j] >= 0x30 && bytes[j] <= 0x39)
                    || bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "_")
                guard isNameByte else { break }
                name.append(bytes[j] >= 0x41 && bytes[j] <= 0x5A ? bytes[j] | 0x20 : bytes[j])
                j += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            i = j
        }
        return nil
    }

    /// Whether `charset` names a single-byte Western encoding this module decodes with Windows-1252.
    static func handles(_ charset: String) -> Bool {
        switch charset {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252",
            "iso-8859-15", "us-ascii", "ascii":
            return true
        default:
            return false
        }
    }

    /// Decodes a page as UTF-8 when valid; as lossy UTF-8 when it declares UTF-8; else as Windows-1252
    /// (which also covers ISO-8859-1 and undeclared Western pages).
    static func decodePage(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if UTF8Validation.firstInvalidOffset(bytes, from: 0, to: bytes.count) == nil {
            return String(decoding: bytes, as: UTF8.self)
        }
        if let charset = declaredCharset(bytes), charset == "utf-8" || charset == "utf8" {
            return String(decoding: bytes, as: UTF8.self)  // declared UTF-8 but damaged: repair with U+FFFD
        }
        return decode(bytes)
    }
}

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// ISO 8601 UTC timestamps with milliseconds (`2026-11-25T10:00:00.123Z`), formatted without a
/// `DateFormatter`.
public enum Timestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC, milliseconds truncated).
    public static func iso8601(_ date: Date) -> String {
        String(decoding: iso8601Bytes(date), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``iso8601(_:)``.
    public static func iso8601Bytes(_ date: Date) -> [UInt8] {
        let seconds = date.timeIntervalSince1970
        let totalMillis = seconds.isFinite ? Int64((seconds * 1000).rounded(.down)) : 0
        var days = totalMillis >= 0 ? totalMillis / 86_400_000 : (totalMillis - 86_399_999) / 86_400_000
        let millisOfDay = totalMillis - days * 86_400_000
        // Civil-from-days (Howard Hinnant).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        var year = yearOfEra + era * 400
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        if month <= 2 { year += 1 }
        year = min(max(year, 0), 9999)
        var out = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int64, _ at: Int, _ width: Int) {
            var v = value
            for k in stride(from: at + width - 1, through: at, by: -1) {
                out[k] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
            }
        }
        put(year, 0, 4)
        out[4] = UInt8(ascii: "-")
        put(month, 5, 2)
        out[7] = UInt8(ascii: "-")
        put(day, 8, 2)
        out[10] = UInt8(ascii: "T")
        put(millisOfDay / 3_600_000, 11, 2)
        out[13] = UInt8(ascii: ":")
        put(millisOfDay / 60_000 % 60, 14, 2)
        out[16] = UInt8(ascii: ":")
        put(millisOfDay / 1000 % 60, 17, 2)
        out[19] = UInt8(ascii: ".")
        put(millisOfDay % 1000, 20, 3)
        out[23] = UInt8(ascii: "Z")
        return out
    }
}

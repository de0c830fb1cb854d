#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ASCII case-insensitive substring search over UTF-8 bytes (needles are lower-case ASCII).
enum ByteSearch {
    /// Whether `buffer[start..<end]` contains `needle`, ignoring ASCII case.
    static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0, end - start >= n else { return n == 0 }
        let first = needle[0]
        var i = start
        let last = end - n
        while i <= last {
            if lower(buffer[i]) == first {
                var k = 1
                while k < n, lower(buffer[i + k]) == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `buffer[start..<end]` contains any of `needles`, ignoring ASCII case (one pass); with
    /// `atWordStart`, a needle that starts with a letter must not follow a letter (`nov` is not in
    /// `Turnover`).
    static func containsAny(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ needles: NeedleSet, atWordStart: Bool = false
    )
        -> Bool
    {
        var i = start
        while i < end {
            let b = lower(buffer[i])
            let midWord = atWordStart && i > start && b &- UInt8(ascii: "a") < 26 && lower(buffer[i - 1]) &- UInt8(ascii: "a") < 26
            if b < 0x80 && !midWord {
                let bucket = needles.buckets[Int(b)]
                var k = bucket.lowerBound
                while k < bucket.upperBound {
                    let needle = needles.needles[k]
                    if end - i >= needle.count {
                        var j = 1
                        while j < needle.count, lower(buffer[i + j]) == needle[j] { j += 1 }
                        if j == needle.count { return true }
                    }
                    k += 1
                }
            }
            i += 1
        }
        return false
    }

    /// Lower-case ASCII needles grouped by first byte.
    struct NeedleSet: Sendable {
        /// Needles sorted by first byte.
        let needles: [[UInt8]]
        /// For each ASCII byte, the range of `needles` starting with it.
        let buckets: [Range<Int>]

        init(_ strings: [String]) {
            let sorted = strings.map { Array($0.utf8) }.filter { !$0.isEmpty && $0[0] < 0x80 }.sorted { $0[0] < $1[0] }
            var buckets = [Range<Int>](repeating: 0..<0, count: 128)
            var k = 0
            while k < sorted.count {
                let first = sorted[k][0]
                var e = k
                while e < sorted.count, sorted[e][0] == first { e += 1 }
                buckets[Int(first)] = k..<e
                k = e
            }
            needles = sorted
            self.buckets = buckets
        }

        /// Whether `buffer[word]` is one of the needles, ignoring ASCII case.
        func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
            guard let first = word.first.map({ ByteSearch.lower(buffer[$0]) }), first < 0x80 else { return false }
            for needle in needles[buckets[Int(first)]] where needle.count == word.count {
                if zip(needle, word).allSatisfy({ $0 == ByteSearch.lower(buffer[$1]) }) { return true }
            }
            return false
        }
    }

    /// Whether `buffer[start..<end]` starts with `needle`, ignoring ASCII case.
    static func hasPrefix(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ needle: [UInt8]) -> Bool {
        guard end - start >= needle.count else { return false }
        for k in 0..<needle.count where lower(buffer[start + k]) != needle[k] { return false }
        return true
    }

    /// Whether `buffer[start..<end]` ends with `needle`, ignoring ASCII case.
    static func hasSuffix(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ needle: [UInt8]) -> Bool {
        guard end - start >= needle.count else { return false }
        let base = end - needle.count
        for k in 0..<needle.count where lower(buffer[base + k]) != needle[k] { return false }
        return true
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }

    /// Whether the bytes of `needle` occur in `haystack` (exact bytes; memchr for the first, then memcmp).
    static func occurs(_ buffer: UnsafeBufferPointer<UInt8>, _ needle: Range<Int>, in haystack: Range<Int>) -> Bool {
        guard let base = buffer.baseAddress, !needle.isEmpty, needle.count <= haystack.count else { return false }
        var k = haystack.lowerBound
        let last = haystack.upperBound - needle.count
        while k <= last, let found = memchr(base + k, Int32(buffer[needle.lowerBound]), last - k + 1) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, base + needle.lowerBound, needle.count) == 0 { return true }
            k = at + 1
        }
        return false
    }

    /// The next quotation mark (`"`, `“`, `”`) in `buffer[from..<end]` and its width in bytes.
    static func nextQuote(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> (Int, Int)? {
        guard from < end, let base = buffer.baseAddress else { return nil }
        // memchr for `"` and for the lead byte of `“` / `”`.
        let straight = memchr(base + from, Int32(UInt8(ascii: "\"")), end - from).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        var k = from
        let limit = straight ?? end
        while k < limit, let found = memchr(base + k, 0xE2, limit - k) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at + 2 < end, buffer[at + 1] == 0x80, buffer[at + 2] == 0x9C || buffer[at + 2] == 0x9D { return (at, 3) }
            k = at + 1
        }
        return straight.map { ($0, 1) }
    }
}

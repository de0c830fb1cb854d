/// Byte-level UTF-8 checks shared by the JSON reader, the envelope decoder and the output encoders.
enum UTF8Validation {
    /// The offset of the first byte that starts an invalid UTF-8 sequence in `buffer[range]`, or `nil` if the
    /// range is valid (strict: no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            let b0 = buffer[i]
            if b0 < 0x80 {
                i &+= 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return i
            }
            if end - i < length { return i }
            let b1 = buffer[i + 1]
            if b1 < lower || b1 > upper { return i }
            var k = 2
            while k < length {
                if buffer[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += length
        }
        return nil
    }

    /// Whether all of `bytes` is valid UTF-8.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0, from: 0, to: $0.count) == nil }
    }

    /// Whether `buffer[start..<end]` is pure ASCII (checked eight bytes at a time).
    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var i = start
        while i + 8 <= end {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < end {
            if buffer[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}

extension String {
    /// Creates a string from bytes already known to be valid UTF-8.
    init(validUTF8 buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        self = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }
}

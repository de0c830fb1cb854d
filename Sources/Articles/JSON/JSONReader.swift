/// A strict RFC 8259 JSON reader working on UTF-8 bytes.
///
/// Rejects invalid UTF-8, unescaped control characters, malformed numbers and escapes, nesting deeper
/// than `maxDepth` and anything after the top-level value (whitespace excepted). A lone UTF-16
/// surrogate in a `\u` escape becomes U+FFFD. Every error names the byte offset where it was found.
public struct JSONReader {
    /// Parses one JSON text.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 JSON text.
    ///   - maxDepth: The deepest nesting of arrays and objects accepted (default 64).
    /// - Throws: ``JSONParseError`` naming the problem and its byte offset.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer, maxDepth: maxDepth) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer throws(JSONParseError) -> JSONValue in
            try parse(buffer, maxDepth: maxDepth)
        }
    }

    /// Parses one JSON text from a buffer of UTF-8 bytes.
    ///
    /// - Parameters:
    ///   - buffer: The UTF-8 JSON text.
    ///   - maxDepth: The deepest nesting of arrays and objects accepted (default 64).
    /// - Throws: ``JSONParseError`` naming the problem and its byte offset.
    public static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int = 64
    ) throws(JSONParseError)
        -> JSONValue
    {
        var scanner = JSONScanner(buffer: buffer, maxDepth: maxDepth)
        scanner.skipWhitespace()
        guard scanner.index < buffer.count else { throw JSONParseError(code: .empty, offset: scanner.index) }
        let value = try scanner.parseValue(depth: 0)
        scanner.skipWhitespace()
        if scanner.index < buffer.count { throw JSONParseError(code: .trailingData, offset: scanner.index) }
        return value
    }
}

/// The recursive-descent state behind ``JSONReader``.
struct JSONScanner {
    let buffer: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0

    init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.buffer = buffer
        self.maxDepth = maxDepth
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < buffer.count {
            switch buffer[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard index < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: index) }
        switch buffer[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw JSONParseError(code: .unexpectedByte, offset: index)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for k in 0..<count {
            guard index + k < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: buffer.count) }
            if buffer[index + k] != start[k] { throw JSONParseError(code: .unexpectedByte, offset: index + k) }
        }
        index += count
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw JSONParseError(code: .tooDeep, offset: index) }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < buffer.count, buffer[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: index) }
            guard buffer[index] == UInt8(ascii: "\"") else {
                throw JSONParseError(code: .unexpectedByte, offset: index)
            }
            let key = try parseString()
            skipWhitespace()
            guard index < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: index) }
            guard buffer[index] == UInt8(ascii: ":") else { throw JSONParseError(code: .unexpectedByte, offset: index) }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append((key: key, value: value))
            skipWhitespace()
            guard index < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: index) }
            switch buffer[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw JSONParseError(code: .unexpectedByte, offset: index)
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw JSONParseError(code: .tooDeep, offset: index) }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < buffer.count, buffer[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: index) }
            switch buffer[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: throw JSONParseError(code: .unexpectedByte, offset: index)
            }
        }
    }

    /// Parses a string starting at the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = index + 1
        var i = start
        var ascii = true
        // Fast path: no escapes.
        while i < buffer.count {
            let b = buffer[i]
            if b == UInt8(ascii: "\"") {
                index = i + 1
                if ascii { return String(validUTF8: buffer, from: start, to: i) }
                if let bad = UTF8Validation.firstInvalidOffset(buffer, from: start, to: i) {
                    throw JSONParseError(code: .invalidUTF8, offset: bad)
                }
                return String(validUTF8: buffer, from: start, to: i)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw JSONParseError(code: .controlCharacter, offset: i) }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        if i >= buffer.count { throw JSONParseError(code: .unexpectedEnd, offset: buffer.count) }
        return try parseEscapedString(start: start, firstEscape: i)
    }

    private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(firstEscape - start + 32)
        var runStart = start
        var i = firstEscape
        while true {
            guard i < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: buffer.count) }
            let b = buffer[i]
            if b == UInt8(ascii: "\"") {
                try appendRaw(&out, from: runStart, to: i)
                index = i + 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw JSONParseError(code: .controlCharacter, offset: i) }
            if b != UInt8(ascii: "\\") {
                i += 1
                continue
            }
            try appendRaw(&out, from: runStart, to: i)
            guard i + 1 < buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: buffer.count) }
            let e = buffer[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(at: i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    if i + 6 <= buffer.count, buffer[i] == UInt8(ascii: "\\"), buffer[i + 1] == UInt8(ascii: "u"),
                        let low = try? hex4(at: i + 2), (0xDC00...0xDFFF).contains(low)
                    {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                appendScalar(&out, scalar)
            default:
                throw JSONParseError(code: .invalidEscape, offset: i - 2)
            }
            runStart = i
        }
    }

    private func appendRaw(_ out: inout [UInt8], from start: Int, to end: Int) throws(JSONParseError) {
        guard start < end else { return }
        if let bad = UTF8Validation.firstInvalidOffset(buffer, from: start, to: end) {
            throw JSONParseError(code: .invalidUTF8, offset: bad)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
    }

    private func hex4(at position: Int) throws(JSONParseError) -> UInt32 {
        guard position + 4 <= buffer.count else { throw JSONParseError(code: .unexpectedEnd, offset: buffer.count) }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = buffer[position + k]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw JSONParseError(code: .invalidEscape, offset: position + k)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func appendScalar(_ out: inout [UInt8], _ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        var i = index
        let count = buffer.count
        var negative = false
        if buffer[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard i < count else { throw JSONParseError(code: .unexpectedEnd, offset: i) }
        var mantissa: UInt64 = 0
        var digits = 0
        if buffer[i] == UInt8(ascii: "0") {
            i += 1
            digits = 1
        } else if isDigit(buffer[i]) {
            while i < count, isDigit(buffer[i]) {
                mantissa = mantissa &* 10 &+ UInt64(buffer[i] &- 0x30)
                digits += 1
                i += 1
            }
        } else {
            throw JSONParseError(code: .invalidNumber, offset: i)
        }
        var simple = true
        if i < count, buffer[i] == UInt8(ascii: ".") {
            simple = false
            i += 1
            guard i < count, isDigit(buffer[i]) else { throw JSONParseError(code: .invalidNumber, offset: i) }
            while i < count, isDigit(buffer[i]) { i += 1 }
        }
        if i < count, buffer[i] == UInt8(ascii: "e") || buffer[i] == UInt8(ascii: "E") {
            simple = false
            i += 1
            if i < count, buffer[i] == UInt8(ascii: "+") || buffer[i] == UInt8(ascii: "-") { i += 1 }
            guard i < count, isDigit(buffer[i]) else { throw JSONParseError(code: .invalidNumber, offset: i) }
            while i < count, isDigit(buffer[i]) { i += 1 }
        }
        index = i
        if simple && digits <= 15 {
            let value = Double(mantissa)
            return negative ? -value : value
        }
        let text = String(validUTF8: buffer, from: start, to: i)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(code: .invalidNumber, offset: start)
        }
        return value
    }

    @inline(__always)
    private func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
}

import Articles
import Testing

@Suite struct JSONReaderTests {
    @Test func parsesAllTypes() throws {
        let value = try JSONReader.parse(
            Array(#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "a": 0} "#.utf8)
        )
        #expect(value["a"] == .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"]?.stringValue == "d")
        #expect(value.objectValue?.count == 3)
        #expect(value["a"]?[0]?.intValue == 1)
    }

    @Test func stringEscapes() throws {
        let value = try JSONReader.parse(
            Array(#""q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00 lone \ud800 x \udc00""#.utf8)
        )
        #expect(value.stringValue == "q\" b\\ s/ \u{8}\u{C}\n\r\t é 😀 lone \u{FFFD} x \u{FFFD}")
    }

    @Test(arguments: [
        ("", JSONParseError.Code.empty, 0),
        ("[1,]", .unexpectedByte, 3),
        ("{\"a\" 1}", .unexpectedByte, 5),
        ("[1] x", .trailingData, 4),
        ("\"abc", .unexpectedEnd, 4),
        ("\"a\u{01}\"", .controlCharacter, 2),
        ("\"\\x\"", .invalidEscape, 1),
        ("01", .trailingData, 1),
        ("1.", .invalidNumber, 2),
        ("-", .unexpectedEnd, 1),
        ("1e400", .invalidNumber, 0),
        ("tru", .unexpectedEnd, 3),
        ("nul!", .unexpectedByte, 3),
    ])
    func rejects(text: String, code: JSONParseError.Code, offset: Int) {
        #expect(throws: JSONParseError(code: code, offset: offset)) { try JSONReader.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8WithOffset() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError(code: .invalidUTF8, offset: 2)) { try JSONReader.parse(bytes) }
        let overlong: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
        #expect(throws: JSONParseError(code: .invalidUTF8, offset: 1)) { try JSONReader.parse(overlong) }
        let surrogate: [UInt8] = [0x22, 0xED, 0xA0, 0x80, 0x22]
        #expect(throws: JSONParseError(code: .invalidUTF8, offset: 1)) { try JSONReader.parse(surrogate) }
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try JSONReader.parse(Array(ok.utf8))
        let bomb = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError(code: .tooDeep, offset: 64)) { try JSONReader.parse(Array(bomb.utf8)) }
    }
}

@Suite struct JSONWriterTests {
    @Test func escaping() {
        var w = JSONWriter()
        w.string("q\" b\\ \n\r\t\u{8}\u{C}\u{1} \u{1F} \u{7F} é \u{2028}\u{2029} ok")
        #expect(
            String(decoding: w.bytes, as: UTF8.self) == #""q\" b\\ \n\r\t\b\f\u0001 \u001f \#u{7F} é \u2028\u2029 ok""#
        )
    }

    @Test func numbersAndLiterals() {
        var w = JSONWriter()
        w.beginArray()
        w.number(0)
        w.number(-42)
        w.number(Int.min)
        w.number(3.0)
        w.number(0.1)
        w.number(-0.0)
        w.number(Double.nan)
        w.number(Double.infinity)
        w.number(1e300)
        w.bool(true)
        w.bool(false)
        w.null()
        w.number(nil as Int?)
        w.string(nil as String?)
        w.endArray()
        #expect(
            String(decoding: w.bytes, as: UTF8.self)
                == "[0,-42,-9223372036854775808,3,0.1,-0,null,null,1e+300,true,false,null,null,null]"
        )
    }

    @Test func objectsPlaceCommas() {
        var w = JSONWriter()
        w.beginObject()
        w.key("a")
        w.beginArray()
        w.endArray()
        w.key("b")
        w.beginObject()
        w.key("c")
        w.number(1)
        w.endObject()
        w.key("d")
        w.raw(Array("{\"x\":[1,2]}".utf8))
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":[],"b":{"c":1},"d":{"x":[1,2]}}"#)
    }

    @Test func roundTrip() throws {
        let value = JSONValue.object([
            (key: "s", value: .string("line\nbreak \u{2028} \"q\" 😀")),
            (key: "n", value: .array([.number(1.5), .number(-7), .number(1e-9)])),
            (key: "o", value: .object([(key: "z", value: .null), (key: "z", value: .bool(true))])),
        ])
        #expect(try JSONReader.parse(value.jsonBytes) == value)
    }
}

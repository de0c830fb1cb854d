import Testing
import ZeroMQ

@Suite("CURVE keys")
struct CurveKeyTests {
    @Test("a generated pair round-trips through Z85 and derives the same public key")
    func roundTrip() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.z85.utf8.count == 40)
        #expect(try CurveKey(z85: " \(pair.secretKey.z85)\n") == pair.secretKey)
        #expect(try CurveKeyPair(secretKey: pair.secretKey).publicKey == pair.publicKey)
        #expect(pair.publicKey != pair.secretKey)
    }

    @Test("descriptions never show key material")
    func redacted() throws {
        let pair = try CurveKeyPair.generate()
        for text in ["\(pair.secretKey)", String(reflecting: pair.secretKey), "\(pair)", String(reflecting: pair)] {
            #expect(!text.contains(pair.secretKey.z85))
        }
    }

    @Test("wrong length, characters outside Z85 and embedded NUL are invalid keys")
    func invalid() throws {
        let valid = try CurveKeyPair.generate().publicKey.z85
        for text in [
            String(valid.dropLast()), valid + "0", String(valid.prefix(20)) + "\0" + String(valid.dropFirst(21)),
            String(valid.prefix(39)) + " ", String(valid.prefix(39)) + "~", "",
        ] {
            let error = #expect(throws: ZMQError.self) { try CurveKey(z85: text) }
            #expect(error?.code == .invalidKey)
        }
        #expect(throws: ZMQError.self) { try CurveKey(bytes: [1, 2, 3]) }
    }
}

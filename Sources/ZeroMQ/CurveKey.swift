internal import CZeroMQ

/// A 32-byte CURVE key (public or secret), written as 40 Z85 characters in files and logs.
///
/// Its descriptions are redacted (a secret key must never reach a log by interpolation); use ``z85``
/// explicitly to show a public key.
public struct CurveKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The raw key bytes (always 32).
    public let bytes: [UInt8]

    /// Decodes 40 Z85 characters (surrounding whitespace ignored).
    ///
    /// - Throws: ``ZMQError`` `.invalidKey` unless the text is exactly 40 valid Z85 characters.
    public init(z85 text: String) throws(ZMQError) {
        let trimmed = Array(text.utf8.drop { Self.isSpace($0) }.reversed().drop { Self.isSpace($0) }.reversed())
        guard trimmed.count == 40 else {
            throw ZMQError(
                code: .invalidKey, operation: "zmq_z85_decode", detail: "CURVE key",
                reason: "expected 40 Z85 characters, found \(trimmed.count)")
        }
        // zmq_z85_decode stops at a NUL and does not check the alphabet; check every character first.
        guard trimmed.allSatisfy({ Self.alphabet.contains($0) }) else {
            throw ZMQError(
                code: .invalidKey, operation: "zmq_z85_decode", detail: "CURVE key",
                reason: "not a Z85-encoded key")
        }
        var decoded = [UInt8](repeating: 0, count: 32)
        let ok = (trimmed + [0]).withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { zmq_z85_decode(&decoded, $0.baseAddress!) != nil }
        }
        guard ok else {
            throw ZMQError(
                code: .invalidKey, operation: "zmq_z85_decode", detail: "CURVE key",
                reason: "not a Z85-encoded key")
        }
        self.bytes = decoded
    }

    /// Wraps 32 raw bytes.
    ///
    /// - Throws: ``ZMQError`` `.invalidKey` for any other length.
    public init(bytes: [UInt8]) throws(ZMQError) {
        guard bytes.count == 32 else {
            throw ZMQError(
                code: .invalidKey, operation: "CurveKey", detail: "CURVE key",
                reason: "expected 32 bytes, found \(bytes.count)")
        }
        self.bytes = bytes
    }

    /// The 40-character Z85 form.
    public var z85: String {
        var text = [CChar](repeating: 0, count: 41)
        _ = bytes.withUnsafeBufferPointer { zmq_z85_encode(&text, $0.baseAddress!, 32) }
        return String(decoding: text.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Redacted: `CurveKey(32 bytes)`.
    public var description: String { "CurveKey(32 bytes)" }

    /// Redacted, as ``description``.
    public var debugDescription: String { description }

    /// No children, so reflection (`dump`, `String(reflecting:)`) shows no key bytes.
    public var customMirror: Mirror { Mirror(self, children: []) }

    /// The 85 characters of Z85 (ZeroMQ RFC 32).
    private static let alphabet = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// A CURVE key pair: a secret key and the public key derived from it.
public struct CurveKeyPair: Sendable {
    /// The public key, shared with peers.
    public let publicKey: CurveKey
    /// The secret key; keep it in a file only its owner can read.
    public let secretKey: CurveKey

    /// Generates a new pair with libzmq (`zmq_curve_keypair`, libsodium's random source).
    ///
    /// - Throws: ``ZMQError`` if libzmq was built without CURVE.
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        _ = try ZMQCall.run("zmq_curve_keypair", detail: "generate") { zmq_curve_keypair(&publicText, &secretText) }
        func text(_ chars: [CChar]) -> String {
            String(decoding: chars.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return CurveKeyPair(
            publicKey: try CurveKey(z85: text(publicText)), secretKey: try CurveKey(z85: text(secretText)))
    }

    /// The pair of `secretKey`, deriving its public key (`zmq_curve_public`).
    ///
    /// - Throws: ``ZMQError`` if libzmq was built without CURVE.
    public init(secretKey: CurveKey) throws(ZMQError) {
        var secretText = Array(secretKey.z85.utf8CString)
        var publicText = [CChar](repeating: 0, count: 41)
        _ = try ZMQCall.run("zmq_curve_public", detail: "derive") { zmq_curve_public(&publicText, &secretText) }
        self.publicKey = try CurveKey(
            z85: String(decoding: publicText.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        self.secretKey = secretKey
    }

    private init(publicKey: CurveKey, secretKey: CurveKey) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }
}

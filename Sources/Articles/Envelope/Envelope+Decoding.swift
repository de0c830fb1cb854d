extension Envelope {
    /// Decodes one payload.
    ///
    /// A payload whose first non-whitespace byte is `{` is a JSON object envelope with exactly one of
    /// `text`, `html`, `body`. A payload that starts with `[` and parses as JSON is rejected as not an
    /// object. A payload that starts like an HTML document (`<!doctype html` or `<html`) becomes `.html`
    /// (decoded as UTF-8, else by its declared charset, else Windows-1252). Anything else must be UTF-8
    /// text and becomes `.text`.
    ///
    /// Accepted field types: `id` string or integer; `url`, `source`, `title`, `published_at`, `language`,
    /// `text`, `html`, `body` string; `metadata` any value. `null` counts as absent; unknown fields are
    /// ignored; of duplicate keys the last wins.
    ///
    /// - Parameters:
    ///   - payload: The message bytes.
    ///   - limits: Size, depth and binary-detection bounds.
    /// - Throws: ``EnvelopeError`` with a stable code.
    public static func decode(_ payload: [UInt8], limits: EnvelopeLimits = .init()) throws(EnvelopeError) -> Envelope {
        if payload.count > limits.maxBytes {
            throw EnvelopeError(code: .tooLarge, detail: "payload is \(payload.count) bytes, limit \(limits.maxBytes)")
        }
        return try payload.withUnsafeBufferPointer { buffer throws(EnvelopeError) -> Envelope in
            var start = 0
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            while start < buffer.count, isSpace(buffer[start]) { start += 1 }
            guard start < buffer.count else { throw EnvelopeError(code: .empty, detail: "payload has no content") }
            let body = UnsafeBufferPointer(rebasing: buffer[start...])
            switch buffer[start] {
            case UInt8(ascii: "{"):
                return try decodeObject(body, limits: limits)
            case UInt8(ascii: "["):
                if (try? JSONReader.parse(body, maxDepth: limits.maxDepth)) != nil {
                    throw EnvelopeError(code: .notAnObject, detail: "payload is a JSON array, expected an object")
                }
            case UInt8(ascii: "<"):
                if looksLikeHTMLDocument(body) {
                    return Envelope(content: .html(Windows1252.decodePage(body)))
                }
            default:
                break
            }
            return try decodeRawText(body, limits: limits)
        }
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private static func decodeRawText(
        _ buffer: UnsafeBufferPointer<UInt8>, limits: EnvelopeLimits
    )
        throws(EnvelopeError) -> Envelope
    {
        if let bad = UTF8Validation.firstInvalidOffset(buffer, from: 0, to: buffer.count) {
            throw EnvelopeError(code: .invalidUTF8, detail: "invalid UTF-8 at byte \(bad)")
        }
        var controls = 0
        for b in buffer where b < 0x20 || b == 0x7F {
            if b == 0 { throw EnvelopeError(code: .binary, detail: "payload contains NUL bytes") }
            if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        if Double(controls) > Double(buffer.count) * limits.maxControlRatio {
            throw EnvelopeError(code: .binary, detail: "\(controls) of \(buffer.count) bytes are control characters")
        }
        return Envelope(content: .text(String(decoding: buffer, as: UTF8.self)))
    }

    private static func looksLikeHTMLDocument(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        func startsWith(_ prefix: StaticString, at offset: Int) -> Bool {
            let n = prefix.utf8CodeUnitCount
            guard offset + n <= buffer.count else { return false }
            for k in 0..<n where buffer[offset + k] | 0x20 != prefix.utf8Start[k] | 0x20 { return false }
            return true
        }
        return startsWith("<!doctype html", at: 0) || startsWith("<html", at: 0)
            || (startsWith("<?xml", at: 0) && buffer.count > 64)
    }

    private static func decodeObject(
        _ buffer: UnsafeBufferPointer<UInt8>, limits: EnvelopeLimits
    ) throws(EnvelopeError)
        -> Envelope
    {
        let value: JSONValue
        do {
            value = try JSONReader.parse(buffer, maxDepth: limits.maxDepth)
        } catch {
            let code: EnvelopeError.Code = error.code == .invalidUTF8 ? .invalidUTF8 : .invalidJSON
            throw EnvelopeError(code: code, detail: error.description)
        }
        guard case .object(let members) = value else {
            throw EnvelopeError(code: .notAnObject, detail: "payload is a JSON \(value.typeName), expected an object")
        }
        var envelope = Envelope(content: .text(""))
        var id: JSONValue?
        var contents: [(field: String, value: JSONValue)] = []
        var fields: [(String, JSONValue)] = []
        for (key, value) in members {
            switch key {
            case "id": id = value
            case "text", "html", "body":
                contents.removeAll { $0.field == key }
                if !value.isNull { contents.append((key, value)) }
            case "url", "source", "title", "published_at", "language", "metadata":
                fields.append((key, value))
            default: break
            }
        }
        // The id first, so that every later error can carry it.
        if let id {
            switch id {
            case .null: break
            case .string(let s): envelope.id = s
            case .number(let d) where d.rounded(.towardZero) == d && abs(d) < 9.007e15:
                envelope.id = String(Int(d))
            default:
                throw EnvelopeError(
                    code: .wrongType,
                    field: "id",
                    detail: "field id is a \(id.typeName), expected string"
                )
            }
        }
        for (key, value) in fields {
            if key == "metadata" {
                envelope.metadata = value.isNull ? nil : value
                continue
            }
            let string: String?
            switch value {
            case .null: string = nil
            case .string(let s): string = s
            default:
                throw EnvelopeError(
                    code: .wrongType,
                    field: key,
                    detail: "field \(key) is a \(value.typeName), expected string",
                    envelopeID: envelope.id
                )
            }
            switch key {
            case "url": envelope.url = string
            case "source": envelope.source = string
            case "title": envelope.title = string
            case "published_at": envelope.publishedAt = string
            default: envelope.language = string
            }
        }
        guard let content = contents.first else {
            throw EnvelopeError(
                code: .missingContent,
                detail: "envelope has none of text, html, body",
                envelopeID: envelope.id
            )
        }
        if contents.count > 1 {
            let names = contents.map(\.field).joined(separator: ", ")
            throw EnvelopeError(
                code: .conflictingContent,
                detail: "envelope has more than one of text, html, body: \(names)",
                envelopeID: envelope.id
            )
        }
        guard case .string(let s) = content.value else {
            throw EnvelopeError(
                code: .wrongType,
                field: content.field,
                detail: "field \(content.field) is a \(content.value.typeName), expected string",
                envelopeID: envelope.id
            )
        }
        switch content.field {
        case "text": envelope.content = .text(s)
        case "html": envelope.content = .html(s)
        default: envelope.content = .body(s)
        }
        return envelope
    }
}

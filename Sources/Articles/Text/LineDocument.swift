/// Scraped text cut into normalised lines, all stored in one UTF-8 buffer.
///
/// Normalisation: the text is put in Unicode Normalization Form C (composed: `e` + U+0301 → `é`); line
/// breaks (`\n`, `\r\n`, `\r`, U+2028, U+2029) end a line; tabs, no-break and other
/// Unicode spaces become a space; runs of spaces collapse; control, zero-width, bidi and BOM characters
/// are dropped; lines are trimmed. Empty lines are not kept: each line records whether a blank line
/// came before it.
struct LineDocument {
    /// One non-empty line.
    struct Line {
        var start: Int
        var end: Int
        var blankBefore: Bool
        /// Spaces inside the line (words = spaces + 1).
        var spaces: Int
        /// The input line began with a space or tab (a paragraph indent in fixed-width text).
        var indented = false
        var byteCount: Int { end - start }
    }

    private(set) var bytes: [UInt8] = []
    private(set) var lines: [Line] = []

    var count: Int { lines.count }

    init(_ text: String) {
        var text = text
        let mayNeedNFC = text.withUTF8 { build($0) }
        // Only text with a character at or above U+0300 outside punctuation pays for the quick check, and
        // only text that fails it for the rewrite.
        if mayNeedNFC, !Self.isNFC(text) {
            // The standard library's own NFC (what Foundation's `precomposedStringWithCanonicalMapping`
            // uses); importing Foundation here would put its ICU next to libxml2's in this module.
            text = String(decoding: text._nfcCodeUnits, as: UTF8.self)
            text.withUTF8 { _ = build($0) }
        }
    }

    /// The standard library's NFC quick check.
    static func isNFC(_ text: String) -> Bool {
        if #available(macOS 26, *) {
            var span = text.utf8Span
            return span.checkForNFC(quickCheck: true)
        }
        return false
    }

    /// The normaliser's position while it copies input bytes into the line buffer.
    private struct Cursor {
        var n = 0  // bytes written
        var lineStart = 0
        var lineSpaces = 0
        var pendingSpace = false
        var blank = false
        var indented = false
        var lines: [Line] = []

        @inline(__always)
        mutating func endLine() {
            if n > lineStart {
                lines.append(Line(start: lineStart, end: n, blankBefore: blank, spaces: lineSpaces, indented: indented))
                blank = false
            } else if !lines.isEmpty {
                blank = true
            }
            lineStart = n
            lineSpaces = 0
            pendingSpace = false
            indented = false
        }

        @inline(__always)
        mutating func space(_ out: UnsafeMutableBufferPointer<UInt8>) {
            if pendingSpace {
                out[n] = 0x20
                n &+= 1
                lineSpaces &+= 1
                pendingSpace = false
            }
        }
    }

    /// Fills ``bytes`` and ``lines`` from `input`; returns whether the input has a character at or above
    /// U+0300 outside General Punctuation and currency signs (E2 80–82), the only text that may not be
    /// in NFC already.
    private mutating func build(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines: [Line] = []
        var mayNeedNFC = false
        // Normalisation never grows the text.
        bytes = [UInt8](unsafeUninitializedCapacity: input.count) { out, initialized in
            var cursor = Cursor()
            var i = 0
            let count = input.count
            while i < count {
                let b = input[i]
                if b > 0x20 && b < 0x7F {
                    cursor.space(out)
                    // Copy the run of printable ASCII and single spaces between words.
                    var n = cursor.n
                    var spaces = 0
                    out[n] = b
                    n &+= 1
                    i &+= 1
                    while i < count {
                        let c = input[i]
                        if c > 0x20 && c < 0x7F {
                            out[n] = c
                        } else if c == 0x20, i &+ 1 < count, input[i &+ 1] > 0x20, input[i &+ 1] < 0x7F {
                            out[n] = 0x20
                            spaces &+= 1
                        } else {
                            break
                        }
                        n &+= 1
                        i &+= 1
                    }
                    cursor.n = n
                    cursor.lineSpaces &+= spaces
                    continue
                }
                if b < 0x80 {
                    switch b {
                    case 0x0A:
                        cursor.endLine()
                    case 0x0D:
                        cursor.endLine()
                        if i + 1 < count, input[i + 1] == 0x0A { i += 1 }
                    case 0x20, 0x09, 0x0B, 0x0C:
                        if cursor.n > cursor.lineStart { cursor.pendingSpace = true } else { cursor.indented = true }
                    default:
                        break  // other controls and DEL
                    }
                    i += 1
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                guard i + length <= count else { break }
                if b >= 0xCC, b != 0xE2 || input[i + 1] > 0x82 { mayNeedNFC = true }
                switch Self.action(b, input, i, length) {
                case .space:
                    if cursor.n > cursor.lineStart { cursor.pendingSpace = true }
                case .drop:
                    break
                case .lineBreak:
                    cursor.endLine()
                case .keep:
                    cursor.space(out)
                    for k in 0..<length { out[cursor.n + k] = input[i + k] }
                    cursor.n += length
                }
                i += length
            }
            cursor.endLine()
            initialized = cursor.n
            lines = cursor.lines
        }
        self.lines = lines
        return mayNeedNFC
    }

    private enum Action {
        case keep, space, drop, lineBreak
    }

    /// What to do with the non-ASCII character of `length` bytes at `input[i]`.
    @inline(__always)
    private static func action(_ b: UInt8, _ input: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> Action {
        if length == 2 {
            let b1 = input[i + 1]
            if b == 0xC2 && b1 == 0xA0 { return .space }
            if b == 0xC2 && (b1 < 0xA0 || b1 == 0xAD) { return .drop }  // C1 controls, soft hyphen
        } else if length == 3 {
            let b1 = input[i + 1]
            let b2 = input[i + 2]
            if b == 0xE2 && b1 == 0x80 {
                switch b2 {
                case 0x80...0x8A, 0xAF: return .space  // en/em/thin spaces, narrow no-break space
                case 0x8B...0x8F, 0xAA...0xAE: return .drop  // zero-width, marks, bidi embeddings
                case 0xA8, 0xA9: return .lineBreak
                default: break
                }
            } else if b == 0xE2 && b1 == 0x81 {
                if b2 == 0x9F { return .space }  // medium mathematical space
                if (0xA0...0xAF).contains(b2) { return .drop }  // word joiner, invisible operators, isolates
            } else if b == 0xEF && b1 == 0xBB && b2 == 0xBF {
                return .drop
            } else if b == 0xE3 && b1 == 0x80 && b2 == 0x80 {
                return .space
            }
        }
        return .keep
    }

    /// The text of line `index`.
    func string(_ index: Int) -> String {
        string(lines[index].start, lines[index].end)
    }

    /// The text of `bytes[start..<end]`.
    func string(_ start: Int, _ end: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(validUTF8: UnsafeBufferPointer(rebasing: $0[start..<end]))
        }
    }

    /// Whether lines `a` and `b` have the same bytes.
    func equal(_ a: Int, _ b: Int) -> Bool {
        let la = lines[a]
        let lb = lines[b]
        guard la.byteCount == lb.byteCount else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            for k in 0..<la.byteCount where buffer[la.start + k] != buffer[lb.start + k] { return false }
            return true
        }
    }

    /// Whether line `b` starts with all of line `a`.
    func hasPrefix(_ b: Int, _ a: Int) -> Bool {
        let la = lines[a]
        let lb = lines[b]
        guard lb.byteCount >= la.byteCount else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            for k in 0..<la.byteCount where buffer[la.start + k] != buffer[lb.start + k] { return false }
            return true
        }
    }
}

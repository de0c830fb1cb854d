/// Scraped text cut into normalised lines, all stored in one UTF-8 buffer.
///
/// Normalisation: line breaks (`\n`, `\r\n`, `\r`, U+2028, U+2029) end a line; tabs, no-break and other
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
        var byteCount: Int { end - start }
    }

    private(set) var bytes: [UInt8] = []
    private(set) var lines: [Line] = []

    var count: Int { lines.count }

    init(_ text: String) {
        var text = text
        text.withUTF8 { build($0) }
    }

    private mutating func build(_ input: UnsafeBufferPointer<UInt8>) {
        var lines: [Line] = []
        // Normalisation never grows the text.
        bytes = [UInt8](unsafeUninitializedCapacity: input.count) { out, initialized in
            var n = 0  // bytes written
            var lineStart = 0
            var lineSpaces = 0
            var pendingSpace = false
            var blank = false
            var i = 0
            let count = input.count

            @inline(__always)
            func endLine() {
                if n > lineStart {
                    lines.append(Line(start: lineStart, end: n, blankBefore: blank, spaces: lineSpaces))
                    blank = false
                } else if !lines.isEmpty {
                    blank = true
                }
                lineStart = n
                lineSpaces = 0
                pendingSpace = false
            }

            while i < count {
                let b = input[i]
                if b > 0x20 && b < 0x7F {
                    if pendingSpace {
                        out[n] = 0x20
                        n &+= 1
                        lineSpaces &+= 1
                        pendingSpace = false
                    }
                    // Copy the run of printable ASCII.
                    out[n] = b
                    n += 1
                    i += 1
                    while i < count {
                        let c = input[i]
                        guard c > 0x20 && c < 0x7F else { break }
                        out[n] = c
                        n += 1
                        i += 1
                    }
                    continue
                }
                if b < 0x80 {
                    switch b {
                    case 0x0A:
                        endLine()
                    case 0x0D:
                        endLine()
                        if i + 1 < count, input[i + 1] == 0x0A { i += 1 }
                    case 0x20, 0x09, 0x0B, 0x0C:
                        if n > lineStart { pendingSpace = true }
                    default:
                        break  // other controls and DEL
                    }
                    i += 1
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                guard i + length <= count else { break }
                var action = 0  // 0 keep, 1 space, 2 drop, 3 line break
                if length == 2 {
                    let b1 = input[i + 1]
                    if b == 0xC2 && (b1 == 0xA0) {
                        action = 1
                    } else if b == 0xC2 && (b1 < 0xA0 || b1 == 0xAD) {
                        action = 2
                    }  // C1 controls, soft hyphen
                } else if length == 3 {
                    let b1 = input[i + 1]
                    let b2 = input[i + 2]
                    if b == 0xE2 && b1 == 0x80 {
                        switch b2 {
                        case 0x80...0x8A, 0xAF: action = 1  // en/em/thin spaces, narrow no-break space
                        case 0x8B...0x8F, 0xAA...0xAE: action = 2  // zero-width, marks, bidi embeddings
                        case 0xA8, 0xA9: action = 3
                        default: break
                        }
                    } else if b == 0xE2 && b1 == 0x81 {
                        if b2 == 0x9F {
                            action = 1
                        }  // medium mathematical space
                        else if (0xA0...0xAF).contains(b2) {
                            action = 2
                        }  // word joiner, invisible operators, isolates
                    } else if b == 0xEF && b1 == 0xBB && b2 == 0xBF {
                        action = 2
                    } else if b == 0xE3 && b1 == 0x80 && b2 == 0x80 {
                        action = 1
                    }
                }
                switch action {
                case 1:
                    if n > lineStart { pendingSpace = true }
                case 2:
                    break
                case 3:
                    endLine()
                default:
                    if pendingSpace {
                        out[n] = 0x20
                        n &+= 1
                        lineSpaces &+= 1
                        pendingSpace = false
                    }
                    for k in 0..<length { out[n + k] = input[i + k] }
                    n += length
                }
                i += length
            }
            endLine()
            initialized = n
        }
        self.lines = lines
    }

    /// The text of line `index`.
    func string(_ index: Int) -> String {
        string(lines[index].start, lines[index].end)
    }

    /// The text of `bytes[start..<end]`.
    func string(_ start: Int, _ end: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
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

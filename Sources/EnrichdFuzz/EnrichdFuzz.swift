import Articles
import Enrichment
import Glibc

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Coverage-guided fuzzing of envelope decoding, raw-text parsing and HTML parsing (`scripts/fuzz.sh`).
///
/// Built with `-sanitize=fuzzer -DENRICHD_LIBFUZZER` this is a libFuzzer binary; in the normal build it
/// is a replayer: `enrichd-fuzz FILE|DIR...` runs each file (each file of a directory) through the same
/// entry point, so a crash input found by libFuzzer reproduces under a plain debug build and a debugger.
///
/// The first byte picks the mode, so the fuzzer reaches each parser without first having to learn
/// the envelope format; any other first byte is a raw payload:
///
/// | first byte | the rest goes to |
/// |---|---|
/// | `0x01` | the pipeline, wrapped as a JSON envelope's `text` field |
/// | `0x02` | the pipeline, wrapped as a JSON envelope's `html` field |
/// | `0x03` | the pipeline, wrapped as a JSON envelope's `body` field (enrichers only) |
/// | `0x04` | ``HTMLParser/parse(bytes:envelope:)`` directly (charset detection, Windows-1252) |
/// | `0x05` | ``RawTextParser/parse(_:envelope:)`` directly |
/// | other | the pipeline, the whole input as the payload (envelope decoding: JSON, HTML page, raw text) |
///
/// JSON strings must be UTF-8, so the wrapping escapes `"`, `\` and control bytes, copies valid UTF-8
/// sequences, and writes each byte of an invalid sequence as `\u00XX` (its Latin-1 character): the
/// parsers see every input rather than an `invalid_utf8` dead letter.
///
/// Invariants checked on every input (a violation traps, which libFuzzer reports as a crash): the
/// pipeline returns an output record or a dead letter, either one valid JSON; a dead letter has a
/// reason.
enum FuzzTarget {
    /// The daemon's pipeline with its default settings (all enrichers, 16 MiB payload limit, a
    /// 10,000-entry duplicate index), built once. `ENRICHD_FUZZ_DUPLICATES=N` sizes the duplicate index
    /// (0 leaves it out: each input then runs independently of the ones before, and LeakSanitizer's
    /// per-input check stays cheap because nothing is kept between inputs).
    static let pipeline = ArticlePipeline(
        enrichers: ArticlePipeline.enrichers(entities: true, keywords: 10, summarySentences: 3),
        limits: EnvelopeLimits(maxBytes: 16 << 20),
        duplicates: duplicateCapacity > 0 ? DuplicateIndex(capacity: duplicateCapacity, window: .seconds(86_400)) : nil
    )
    static let duplicateCapacity = getenv("ENRICHD_FUZZ_DUPLICATES").flatMap { Int(String(cString: $0)) } ?? 10_000
    static let html = HTMLParser()
    static let text = RawTextParser()
    static let context = ProcessingContext(worker: "fuzz", receivedAt: Date(timeIntervalSince1970: 1_764_000_000))

    static func run(_ input: UnsafeBufferPointer<UInt8>) {
        guard let first = input.first else {
            check(pipeline.process([], context: context))
            return
        }
        let rest = UnsafeBufferPointer(rebasing: input[1...])
        switch first {
        case 0x01: check(pipeline.process(envelope(field: "text", rest), context: context))
        case 0x02: check(pipeline.process(envelope(field: "html", rest), context: context))
        case 0x03: check(pipeline.process(envelope(field: "body", rest), context: context))
        case 0x04: _ = try? html.parse(bytes: Array(rest))
        case 0x05: _ = try? text.parse(String(decoding: rest, as: UTF8.self))
        default: check(pipeline.process(Array(input), context: context))
        }
    }

    /// Traps unless the result is one valid JSON record (a dead letter with a reason).
    private static func check(_ result: ProcessingResult) {
        switch result {
        case .output(_, let json, _, _):
            guard (try? JSONReader.parse(json)) != nil else { fatalError("output record is not valid JSON") }
        case .deadLetter(let reason, _, let json):
            precondition(!reason.isEmpty, "dead letter without a reason")
            guard (try? JSONReader.parse(json)) != nil else { fatalError("dead letter is not valid JSON") }
        }
    }

    /// `{"<field>":"<bytes as a JSON string>"}`.
    static func envelope(field: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4 + 16)
        out.append(contentsOf: Array("{\"".utf8))
        out.append(contentsOf: UnsafeBufferPointer(start: field.utf8Start, count: field.utf8CodeUnitCount))
        out.append(contentsOf: Array("\":\"".utf8))
        let hex = Array("0123456789abcdef".utf8)
        func escape(_ b: UInt8) {
            out.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)],
            ])
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                out.append(UInt8(ascii: "\\"))
                out.append(b)
                i += 1
            } else if b < 0x20 || b == 0x7F {
                escape(b)
                i += 1
            } else if b < 0x80 {
                out.append(b)
                i += 1
            } else if let n = validSequenceLength(bytes, at: i) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + n)]))
                i += n
            } else {
                escape(b)
                i += 1
            }
        }
        out.append(contentsOf: Array("\"}".utf8))
        return out
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes starting at `i`, or `nil`.
    private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let b0 = bytes[i]
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < bytes.count && bytes[i + k] >= low && bytes[i + k] <= high
        }
        switch b0 {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xE1...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }
}

#if ENRICHD_LIBFUZZER
    /// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`,
    /// in `libclang_rt.fuzzer`). SwiftPM links every executable with `main` aliased to the module's
    /// entry point, so the target keeps its own `main` and hands the arguments to the driver.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// Runs libFuzzer with the command-line arguments (`-max_total_time=`, corpus directories, ...).
    @main enum Fuzz {
        static func main() {
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(
                LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                    FuzzTarget.run(UnsafeBufferPointer(start: size > 0 ? data : nil, count: size))
                    return 0
                })
        }
    }
#else
    /// Replays inputs: each FILE, and each regular file in each DIR (not recursive).
    @main enum Replay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard !arguments.isEmpty, !arguments.contains(where: { $0 == "-h" || $0 == "--help" }) else {
                print("usage: enrichd-fuzz FILE|DIR...  (replays inputs; scripts/fuzz.sh builds the libFuzzer binary)")
                exit(arguments.isEmpty ? 64 : 0)
            }
            var count = 0
            for path in arguments {
                for file in files(at: path) {
                    guard let bytes = read(file) else {
                        let message = Array("enrichd-fuzz: cannot read \(file)\n".utf8)
                        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
                        exit(66)
                    }
                    bytes.withUnsafeBufferPointer { FuzzTarget.run($0) }
                    count += 1
                }
            }
            print("enrichd-fuzz: \(count) inputs replayed, no crash")
        }

        private static func files(at path: String) -> [String] {
            guard let dir = opendir(path) else { return [path] }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                var info = stat()
                let full = path.hasSuffix("/") ? path + name : path + "/" + name
                if !name.hasPrefix("."), stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG { names.append(full) }
            }
            return names.sorted()
        }

        private static func read(_ path: String) -> [UInt8]? {
            guard let file = fopen(path, "rb") else { return nil }
            defer { fclose(file) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65_536, file) }
                if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
                if n < 65_536 { return ferror(file) == 0 ? bytes : nil }
            }
        }
    }
#endif

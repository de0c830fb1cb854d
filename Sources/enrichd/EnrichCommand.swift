import ArgumentParser
import Articles
import Enrichment
import Foundation

/// `enrichd enrich [FILE...]`: the daemon's pipeline without sockets.
///
/// Reads newline-delimited envelopes from standard input (or from `.jsonl`/`.ndjson` files), or
/// one raw article per other file, and writes one JSON object per input line, in input order.
/// A line that cannot be processed yields its dead-letter record at the same position.
struct EnrichCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich",
        abstract: "Enrich JSONL envelopes from stdin or files; one JSON object per line out, in order."
    )

    @Argument(help: "Files: .jsonl/.ndjson are read line by line, any other file is one raw article. Default: stdin.")
    var files: [String] = []

    @Option(help: "Worker name written into outputs.")
    var worker: String = "enrich"

    @Flag(help: "Skip enrichers and language detection (decode, parse and encode only).")
    var passThrough = false

    @Flag(help: "Skip the entity tagger.")
    var noEntities = false

    @Option(help: "Keyphrases per article (0 = none).")
    var keywords: Int = 10

    @Option(help: "Summary sentences per article (0 = none).")
    var summarySentences: Int = 3

    @Option(help: "Recent fingerprints kept to mark near-duplicates (enrichment.duplicate_of; 0 = off).")
    var duplicates: Int = 10_000

    @Option(help: "Lines processed concurrently per batch.")
    var batch: Int = 256

    func run() async throws {
        let pipeline =
            passThrough
            ? ArticlePipeline(parser: StandardArticleParser(language: nil), enrichers: [])
            : ArticlePipeline(
                enrichers: ArticlePipeline.enrichers(
                    entities: !noEntities, keywords: max(0, keywords), summarySentences: max(0, summarySentences)),
                duplicates: duplicates > 0 ? DuplicateIndex(capacity: duplicates, window: .seconds(365 * 86_400)) : nil)
        let out = OutputBuffer()
        if files.isEmpty {
            try await process(lines: LineReader(fileDescriptor: 0), pipeline: pipeline, out: out)
        }
        for file in files {
            if file.hasSuffix(".jsonl") || file.hasSuffix(".ndjson") {
                let fd = open(file, O_RDONLY)
                guard fd >= 0 else { throw ValidationError("cannot open \(file)") }
                defer { close(fd) }
                try await process(lines: LineReader(fileDescriptor: fd), pipeline: pipeline, out: out)
            } else {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("cannot read \(file)")
                }
                try await process(batch: [[UInt8](data)], pipeline: pipeline, out: out)
            }
        }
        out.flush()
    }

    private func process(lines: LineReader, pipeline: ArticlePipeline, out: OutputBuffer) async throws {
        var reader = lines
        var pending: [[UInt8]] = []
        while let line = try reader.next() {
            pending.append(line)
            if pending.count >= batch {
                try await process(batch: pending, pipeline: pipeline, out: out)
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty { try await process(batch: pending, pipeline: pipeline, out: out) }
    }

    private func process(batch: [[UInt8]], pipeline: ArticlePipeline, out: OutputBuffer) async throws {
        let worker = self.worker
        let results = await withTaskGroup(of: (Int, [UInt8]).self) { group in
            let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let stride = (batch.count + lanes - 1) / lanes
            for lane in 0..<lanes {
                let range = (lane * stride)..<min(batch.count, (lane + 1) * stride)
                guard !range.isEmpty else { continue }
                group.addTask {
                    var chunk: [UInt8] = []
                    for index in range {
                        let context = ProcessingContext(worker: worker, receivedAt: Date(), topic: nil)
                        switch pipeline.process(batch[index], context: context) {
                        case .output(_, let json, _, _): chunk += json
                        case .deadLetter(_, _, let json): chunk += json
                        }
                        chunk.append(UInt8(ascii: "\n"))
                    }
                    return (lane, chunk)
                }
            }
            var chunks = [[UInt8]](repeating: [], count: lanes)
            for await (lane, chunk) in group { chunks[lane] = chunk }
            return chunks
        }
        for chunk in results { out.write(chunk) }
    }
}

/// Splits a file descriptor's bytes into lines without a trailing empty line.
struct LineReader {
    let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    mutating func next() throws -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ValidationError("read failed: errno \(errno)")
            }
            if count == 0 { finished = true } else { buffer += chunk[0..<count] }
        }
    }
}

/// Buffered writes to standard output.
final class OutputBuffer {
    private var bytes: [UInt8] = []

    func write(_ chunk: [UInt8]) {
        bytes += chunk
        if bytes.count >= 1 << 20 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}

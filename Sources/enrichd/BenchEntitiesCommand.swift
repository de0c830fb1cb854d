import ArgumentParser
import Articles
import Enrichment
import Foundation

/// `enrichd bench-entities`: tokens per second of the tokenizer and the entity tagger on one core, and
/// the model load time.
struct BenchEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-entities",
        abstract: "Measure tokenizer + entity tagger throughput (tokens/s, one core) and model load time."
    )

    @Option(help: "Model file (default: the built-in model).")
    var model: String?

    @Option(help: "Seconds to run each measurement.")
    var seconds: Double = 3

    @Argument(
        help:
            "Text files to tag, each one document, or .jsonl files of {body|article|text} documents (default: samples/*.txt)."
    )
    var files: [String] = []

    func run() throws {
        let clock = ContinuousClock()
        let loadStarted = clock.now
        let entityModel = try loadModel()
        let loadTime = clock.now - loadStarted
        let paths =
            files.isEmpty
            ? ((try? FileManager.default.contentsOfDirectory(atPath: "samples")) ?? []).filter { $0.hasSuffix(".txt") }
                .sorted().map { "samples/" + $0 } : files
        var documents: [[UInt8]] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path)")
            }
            guard path.hasSuffix(".jsonl") else {
                documents.append([UInt8](data))
                continue
            }
            for line in data.split(separator: 0x0A) {
                guard let object = try? JSONReader.parse([UInt8](line)) else { continue }
                if let text = object["body"]?.stringValue ?? object["article"]?.stringValue
                    ?? object["text"]?.stringValue
                {
                    documents.append(Array(text.utf8))
                }
            }
        }
        guard !documents.isEmpty else { throw ValidationError("no documents") }
        let tagger = EntityTagger(model: entityModel)
        var workspace = EntityTagger.Workspace()
        var tokens: [Token] = []
        var tokenCount = 0
        var entityCount = 0
        var tokenizeOnly = 0
        // Tokenizer alone.
        var started = clock.now
        while clock.now - started < .seconds(seconds / 2) {
            for document in documents {
                tokens.removeAll(keepingCapacity: true)
                document.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
                tokenizeOnly += tokens.count
            }
        }
        let tokenizeElapsed = clock.now - started
        // Tokenizer and tagger.
        started = clock.now
        while clock.now - started < .seconds(seconds) {
            for document in documents {
                tokens.removeAll(keepingCapacity: true)
                document.withUnsafeBufferPointer { text in
                    Tokenizer.tokenize(text, into: &tokens)
                    let tags = tokens.withUnsafeBufferPointer { tagger.tag(text, $0, workspace: &workspace) }
                    entityCount += tags.reduce(0) { $0 + ($1.position == .begin || $1.position == .unit ? 1 : 0) }
                }
                tokenCount += tokens.count
            }
        }
        let elapsed = clock.now - started
        func perSecond(_ n: Int, _ d: Duration) -> Double {
            Double(n) / (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        print("documents: \(documents.count), \(documents.reduce(0) { $0 + $1.count }) bytes")
        print(
            String(
                format: "model load             %10.1f ms",
                perSecond(1, loadTime) > 0 ? 1000 / perSecond(1, loadTime) : 0))
        print(String(format: "tokenizer              %10.0f tokens/s", perSecond(tokenizeOnly, tokenizeElapsed)))
        print(
            String(format: "tokenizer + tagger     %10.0f tokens/s", perSecond(tokenCount, elapsed))
                + "  (\(entityCount) entities)")
    }

    /// The model named by `--model`, or the built-in one.
    private func loadModel() throws -> EntityModel {
        guard let model else { return try EntityModel.builtIn() }
        guard let data = FileManager.default.contents(atPath: model) else {
            throw ValidationError("cannot read \(model)")
        }
        return try data.withUnsafeBytes { try EntityModel(bytes: $0) }
    }
}

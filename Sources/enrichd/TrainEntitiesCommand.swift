import ArgumentParser
import Articles
import Enrichment
import Foundation

/// `enrichd train-entities`: trains the entity model from annotated corpora and the gazetteer folder.
///
/// Reproducible: the same corpora, options and seed write the same model bytes.
struct TrainEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-entities",
        abstract: "Train the named-entity model (averaged perceptron) and write the model file."
    )

    @Option(name: .customLong("conll"), help: "CoNLL-format training file (repeatable).")
    var conllFiles: [String] = []

    @Option(name: .customLong("gmb"), help: "GMB CSV training file (repeatable).")
    var gmbFiles: [String] = []

    @Option(name: .customLong("gmb-skip"), help: "Leave out the first N GMB documents (a held-out split).")
    var gmbSkip: Int = 0

    @Option(help: "Folder of the gazetteer sources (GeoNames, census names, ...).")
    var gazetteers: String

    @Option(name: .customLong("dev"), help: "CoNLL file scored after every epoch (never trained on).")
    var devFiles: [String] = []

    @Option(
        name: .customLong("unlabelled"),
        help: "Unlabelled text for word clusters: a .jsonl file (body/article/text fields) or a folder of .txt files (repeatable)."
    )
    var unlabelled: [String] = []

    @Option(help: "Training epochs.")
    var epochs: Int = 10

    @Option(help: "Shuffle seed.")
    var seed: UInt64 = 20_261_125

    @Option(help: "Drop features whose largest weight is smaller than this.")
    var prune: Float = 0.02

    @Option(help: "Where to write the model.")
    var output: String?

    @Option(help: "Score this model on the --dev files instead of training.")
    var evaluate: String?

    func validate() throws {
        if evaluate == nil && output == nil { throw ValidationError("give --output (train) or --evaluate (score a model)") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        if let evaluate {
            guard let data = FileManager.default.contents(atPath: evaluate) else { throw ValidationError("cannot read \(evaluate)") }
            let model = try data.withUnsafeBytes { try EntityModel(bytes: $0) }
            for file in devFiles {
                let documents = TrainingCorpus.conll(try text(file))
                print("\(URL(fileURLWithPath: file).lastPathComponent): \(EntityEvaluation(model: model, documents: documents))")
                print("\(URL(fileURLWithPath: file).lastPathComponent) (re-tokenized): \(EntityEvaluation(model: model, documents: documents, retokenize: true))")
            }
            return
        }
        guard let output else { return }
        var documents: [TrainingDocument] = []
        for file in conllFiles { documents += TrainingCorpus.conll(try text(file)) }
        for file in gmbFiles { documents += TrainingCorpus.gmb(try text(file)).dropFirst(gmbSkip) }
        let dev = try devFiles.map { (file: String) -> (String, [TrainingDocument]) in
            (URL(fileURLWithPath: file).lastPathComponent, TrainingCorpus.conll(try text(file)))
        }
        let tokens = documents.reduce(0) { $0 + $1.tokens.count }
        print("training: \(documents.count) documents, \(tokens) tokens")
        let root = URL(fileURLWithPath: gazetteers)
        let (gazetteer, counts) = GazetteerSources.build(
            read: { path in FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { [UInt8]($0) } },
            list: { path in (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) ?? [] }
        )
        let summary = GazetteerCategory.allCases.map { "\($0)=\(counts[$0] ?? 0)" }.joined(separator: " ")
        print("gazetteer: \(gazetteer.count) keys; \(summary)")
        var clusterBuilder = ClusterBuilder()
        clusterBuilder.seed = seed
        for document in documents { clusterBuilder.add(String(decoding: document.text, as: UTF8.self)) }
        for source in unlabelled { try readUnlabelled(source) { clusterBuilder.add($0) } }
        let clusters = clusterBuilder.build()
        print("clusters: \(clusters.count) words from \(clusterBuilder.tokenCount) tokens, \(clock.now - started)")
        let trainer = EntityTrainer(epochs: epochs, seed: seed, pruneThreshold: prune)
        let model = trainer.train(documents, gazetteer: gazetteer, clusters: clusters) { epoch, model in
            var line = "epoch \(epoch): \(model.featureCount) features, \(clock.now - started)"
            for (name, documents) in dev { line += "\n  \(name): \(EntityEvaluation(model: model, documents: documents))" }
            print(line)
        }
        let bytes = model.serialized()
        guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
            throw ValidationError("cannot write \(output)")
        }
        print("wrote \(output): \(bytes.count) bytes, \(model.featureCount) features, \(clock.now - started)")
    }

    /// Calls `body` with each text of a JSONL file or a folder of `.txt` files, in a stable order.
    private func readUnlabelled(_ path: String, _ body: (String) -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("cannot read \(path)")
        }
        if isDirectory.boolValue {
            let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() {
                if file.hasSuffix(".txt") { body(try text(path + "/" + file)) }
                if file.hasSuffix(".jsonl") { try readUnlabelled(path + "/" + file, body) }
            }
            return
        }
        for line in try text(path).split(separator: "\n") {
            guard let object = try? JSONReader.parse(Array(line.utf8)) else { continue }
            for field in ["title", "body", "article", "text"] {
                if let s = object[field]?.stringValue { body(s) }
            }
        }
    }

    private func text(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self)
    }
}

@testable import Enrichment
import Testing

/// A tiny corpus in CoNLL columns, written for these tests.
private let corpus = """
    -DOCSTART- O

    Maria B-PER
    Okafor I-PER
    visited O
    Lagos B-LOC
    on O
    Monday O
    . O

    Okafor B-PER
    met O
    officials O
    of O
    Harbor B-ORG
    Bank I-ORG
    in O
    Lagos B-LOC
    . O

    -DOCSTART- O

    Peter B-PER
    Lindqvist I-PER
    flew O
    to O
    Oslo B-LOC
    for O
    Nordic B-MISC
    talks O
    . O

    Lindqvist B-PER
    joined O
    Fjord B-ORG
    Energy I-ORG
    in O
    Oslo B-LOC
    . O

    """

@Suite struct EntityModelTests {
    private func smallGazetteer() -> Gazetteer {
        var gazetteer = Gazetteer()
        for city in ["Lagos", "Oslo", "Kano", "Bergen"] { gazetteer.insert(city, .city) }
        for name in ["Maria", "Peter", "Ada"] { gazetteer.insert(name, .firstName) }
        gazetteer.insert("New York", .city)
        return gazetteer
    }

    private func trainSmall() -> EntityModel {
        EntityTrainer(epochs: 10, seed: 7, pruneThreshold: 0).train(TrainingCorpus.conll(corpus), gazetteer: smallGazetteer())
    }

    @Test func corpusReaderChunksIOB() {
        let documents = TrainingCorpus.conll(corpus)
        #expect(documents.count == 2)
        let spans = EntityTag.spans(in: documents[0].tags)
        #expect(spans.map(\.2) == [.person, .location, .person, .organization, .location])
        #expect(documents[0].tokens.count == 16)
    }

    @Test func bilouRoundTrip() {
        let spans: [(Int, Int, EntityType)] = [(0, 1, .person), (3, 3, .location), (5, 7, .organization)]
        let tags = EntityTag.tags(for: spans, count: 9)
        #expect(tags[0] == EntityTag(.person, .begin) && tags[1] == EntityTag(.person, .last))
        #expect(tags[3] == EntityTag(.location, .unit) && tags[6] == EntityTag(.organization, .inside))
        let back = EntityTag.spans(in: tags)
        #expect(back.map { "\($0.0)-\($0.1)-\($0.2)" } == spans.map { "\($0.0)-\($0.1)-\($0.2)" })
        #expect(EntityTag(.person, .inside).canFollow(EntityTag(.person, .begin)))
        #expect(!EntityTag(.location, .inside).canFollow(EntityTag(.person, .begin)))
        #expect(!EntityTag(.person, .last).canFollow(.outside))
    }

    @Test func gazetteerMarksMultiTokenNames() {
        let gazetteer = smallGazetteer()
        let text = Array("They moved to new YORK from Lagos .".utf8)
        var tokens: [Token] = []
        text.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        let words = tokens.map { token in
            text.withUnsafeBufferPointer { FeatureHash.lowercased($0, Int(token.start), Int(token.end)) }
        }
        var marks = [UInt64](repeating: 0, count: tokens.count)
        words.withUnsafeBufferPointer { words in
            marks.withUnsafeMutableBufferPointer { gazetteer.mark(words: words, startable: { _ in true }, marks: $0) }
        }
        let city = UInt64(GazetteerCategory.city.rawValue * 4)
        #expect(marks[3] == 1 << city)  // B
        #expect(marks[4] == 1 << (city + 2))  // L
        #expect(marks[6] == 1 << (city + 3))  // U
        #expect(marks[0] == 0 && marks[5] == 0)
    }

    @Test func featureExtractionIsDeterministic() {
        let gazetteer = smallGazetteer()
        let text = Array("Maria Okafor visited Lagos on Monday .".utf8)
        var tokens: [Token] = []
        text.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        func extract() -> [[UInt64]] {
            var features = EntityFeatures()
            text.withUnsafeBufferPointer { buffer in
                tokens.withUnsafeBufferPointer { features.prepare(buffer, $0, gazetteer: gazetteer, clusters: WordClusters()) }
            }
            let out = UnsafeMutablePointer<UInt64>.allocate(capacity: EntityFeatures.capacity)
            defer { out.deallocate() }
            return tokens.indices.map { k in
                let s = features.staticFeatures(k, into: out)
                let n = s + features.contextFeatures(k, previous: .outside, beforePrevious: .outside, into: out + s)
                return Array(UnsafeBufferPointer(start: out, count: n))
            }
        }
        let first = extract()
        #expect(first == extract())
        #expect(first.allSatisfy { $0.count > 20 && $0.count <= EntityFeatures.capacity })
        #expect(Set(first[0]).count == first[0].count)
    }

    @Test func cacheKeyCoversEveryStaticFeature() {
        // Typographic and ASCII quotes hash alike in the word, but the affixes are cut at byte offsets:
        // the score cache's key must tell such spellings apart, or tags depend on earlier articles.
        let text = Array("“Pirates \"Pirates Pirates” Pirates\" ’tis 'tis PIRATES pirates Pirates".utf8)
        var tokens: [Token] = []
        text.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        var features = EntityFeatures()
        text.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer { features.prepare(buffer, $0, gazetteer: smallGazetteer(), clusters: WordClusters()) }
        }
        let out = UnsafeMutablePointer<UInt64>.allocate(capacity: EntityFeatures.capacity)
        defer { out.deallocate() }
        var byKey: [UInt64: [UInt64]] = [:]
        for k in tokens.indices {
            let n = features.staticFeatures(k, into: out)
            let statics = Array(UnsafeBufferPointer(start: out, count: n))
            if let seen = byKey[features.staticKey(k)] {
                #expect(seen == statics, "token \(k) shares a cache key with different features")
            } else {
                byKey[features.staticKey(k)] = statics
            }
        }
        #expect(byKey.count >= 6)
    }

    @Test func trainsOnATinyCorpusAndTagsNewSentences() {
        let model = trainSmall()
        let tagger = EntityTagger(model: model)
        var workspace = EntityTagger.Workspace()
        let text = Array("Ada Okafor visited Oslo .".utf8)
        var tokens: [Token] = []
        text.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        let tags = text.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer { tagger.tag(buffer, $0, workspace: &workspace) }
        }
        let spans = EntityTag.spans(in: tags)
        #expect(spans.contains { $0.0 == 0 && $0.1 == 1 && $0.2 == .person })
        #expect(spans.contains { $0.0 == 3 && $0.1 == 3 && $0.2 == .location })
        let evaluation = EntityEvaluation(model: model, documents: TrainingCorpus.conll(corpus))
        #expect(evaluation.scores().f1 > 0.99)
    }

    @Test func trainingIsReproducible() {
        #expect(trainSmall().serialized() == trainSmall().serialized())
    }

    @Test func saveLoadRoundTrip() throws {
        let model = trainSmall()
        let bytes = model.serialized()
        let loaded = try bytes.withUnsafeBytes { try EntityModel(bytes: $0) }
        #expect(loaded.serialized() == bytes)
        #expect(loaded.featureCount == model.featureCount)
        #expect(loaded.gazetteer.count == model.gazetteer.count)
    }

    @Test func damagedModelFilesAreRejected() {
        var bytes = trainSmall().serialized()
        #expect(throws: EntityModelError.self) { try bytes.dropLast().withUnsafeBytes { try EntityModel(bytes: UnsafeRawBufferPointer($0)) } }
        bytes[0] = UInt8(ascii: "X")
        #expect(throws: EntityModelError.self) { try bytes.withUnsafeBytes { try EntityModel(bytes: $0) } }
        #expect(throws: EntityModelError.self) { try [UInt8]().withUnsafeBytes { try EntityModel(bytes: $0) } }
    }

    @Test func builtInModelLoads() throws {
        let model = try EntityModel.builtIn()
        #expect(model.featureCount > 10_000)
        #expect(model.gazetteer.count > 10_000)
        #expect(model.clusters.count > 1_000)
    }
}

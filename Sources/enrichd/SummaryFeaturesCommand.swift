import ArgumentParser
import Articles
import Enrichment
import Foundation

/// `enrichd summary-features`: the summary model's candidate sentences and features for each envelope
/// on standard input, for `scripts/train-summary.py`.
struct SummaryFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary-features",
        abstract: "Print summary candidate sentences and their features (JSONL) for model training.",
        shouldDisplay: false
    )

    func run() throws {
        let parser = StandardArticleParser(language: nil)
        while let line = readLine(strippingNewline: true) {
            guard let envelope = try? Envelope.decode(Array(line.utf8), limits: .init()),
                let article = try? parser.parse(envelope)
            else { continue }
            let entities = EntityEnricher.builtIn.entities(in: article)
            let body = Array(article.body.utf8)
            var w = JSONWriter()
            w.beginObject()
            w.key("id")
            w.string(envelope.id)
            w.key("features")
            w.beginArray()
            for name in SummarySentences.names { w.string(name) }
            w.endArray()
            w.key("sentences")
            w.beginArray()
            for sentence in SummarySentences(article, entities: entities).sentences {
                w.beginObject()
                w.key("text")
                w.string(String(decoding: body[sentence.bytes], as: UTF8.self))
                w.key("x")
                w.beginArray()
                for x in sentence.features { w.number(x) }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
            print(String(decoding: w.bytes, as: UTF8.self))
        }
    }
}

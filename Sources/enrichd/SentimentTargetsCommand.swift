import ArgumentParser
import Articles
import Enrichment
import Foundation

/// `enrichd sentiment-targets`: the per-entity sentiment of given target spans, for
/// `eval/score_sentiment.py` (NewsMTSC).
struct SentimentTargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment-targets",
        abstract: "Score the sentiment toward target spans: JSONL {text, targets: [[start, end], ...]} in, {score, label} out.",
        shouldDisplay: false
    )

    func run() throws {
        let enricher = SentimentEnricher()
        while let line = readLine(strippingNewline: true) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String, let targets = object["targets"] as? [[Int]]
            else {
                print("{\"error\":\"expected {text, targets}\"}")
                continue
            }
            let ranges = targets.compactMap { $0.count == 2 && $0[0] <= $0[1] ? $0[0]..<$0[1] : nil }
            let score = enricher.score(of: text, targets: ranges)
            var w = JSONWriter()
            w.beginObject()
            w.key("score")
            w.number((score * 1000).rounded() / 1000)
            w.key("label")
            w.string(SentimentEnricher.label(score))
            w.endObject()
            print(String(decoding: w.bytes, as: UTF8.self))
        }
    }
}

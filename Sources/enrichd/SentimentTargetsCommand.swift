import ArgumentParser
import Articles
import Enrichment

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
            guard let object = try? JSONReader.parse(Array(line.utf8)), let text = object["text"]?.stringValue,
                case .array(let targets)? = object["targets"]
            else {
                print("{\"error\":\"expected {text, targets}\"}")
                continue
            }
            var ranges: [Range<Int>] = []
            for target in targets {
                guard case .number(let start)? = target[0], case .number(let end)? = target[1], start >= 0, start <= end,
                    end < 1e9
                else { continue }
                ranges.append(Int(start)..<Int(end))
            }
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

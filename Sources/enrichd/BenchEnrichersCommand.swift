import ArgumentParser
import Articles
import Enrichment
import Foundation

/// `enrichd bench-enrichers`: microseconds per article of each enricher on one core, and the load
/// time of the embedded tables.
struct BenchEnrichersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-enrichers",
        abstract: "Measure each enricher's time per article (one core, release build) and table load times."
    )

    @Option(help: "Measure only these enrichers (names as printed; repeatable).")
    var only: [String] = []

    @Option(help: "Seconds to run each enricher.")
    var seconds: Double = 2

    @Argument(help: "Raw article files (default: samples/*.txt).")
    var files: [String] = []

    func run() throws {
        let clock = ContinuousClock()
        func milliseconds(_ d: Duration) -> Double {
            Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
        }
        var started = clock.now
        _ = PlaceGazetteer.builtIn
        let gazetteerLoad = clock.now - started
        started = clock.now
        _ = WordFrequencies.builtIn
        let frequencyLoad = clock.now - started
        started = clock.now
        _ = SentimentLexicon.builtIn
        let lexiconLoad = clock.now - started
        let paths =
            files.isEmpty
            ? ((try? FileManager.default.contentsOfDirectory(atPath: "samples")) ?? []).filter { $0.hasSuffix(".txt") }
                .sorted().map { "samples/" + $0 } : files
        let parser = StandardArticleParser()
        var articles: [(ArticleText, Enrichments)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path)")
            }
            let article = try parser.parse(Envelope(content: .text(String(decoding: data, as: UTF8.self))))
            var base = Enrichments()
            let text = ArticleText(article)
            // What later enrichers read: the entities, and the quantities (places credit currencies).
            try EntityEnricher.builtIn.enrich(text, into: &base)
            try QuantityEnricher().enrich(text, into: &base)
            articles.append((text, base))
        }
        guard !articles.isEmpty else { throw ValidationError("no articles") }
        print("articles: \(articles.count), \(articles.reduce(0) { $0 + $1.0.bytes.count }) body bytes")
        print(String(format: "places gazetteer load   %8.1f ms", milliseconds(gazetteerLoad)))
        print(String(format: "word frequencies load   %8.1f ms", milliseconds(frequencyLoad)))
        print(String(format: "sentiment lexicon load  %8.1f ms", milliseconds(lexiconLoad)))
        // Tokens and sentences are computed once per article and shared by the enrichers (ArticleText).
        var runs = 0
        var tokens = 0
        started = clock.now
        while clock.now - started < .seconds(seconds) {
            for (text, _) in articles {
                let fresh = ArticleText(text.article)
                tokens &+= fresh.tokens.count + fresh.sentences.count
                runs += 1
            }
        }
        precondition(tokens != 0 || articles.allSatisfy { $0.0.bytes.isEmpty })
        let shared = milliseconds(clock.now - started) * 1000 / Double(runs)
        print(
            "\("tokens+sentences".padding(toLength: 22, withPad: " ", startingAt: 0))"
                + String(format: "%9.1f µs/article (shared by all enrichers)", shared))
        let enrichers: [any Enricher] = [
            TextStatsEnricher(), EntityEnricher.builtIn, QuantityEnricher(), PlaceEnricher(), KeyphraseEnricher(), SummaryEnricher(),
            QuoteEnricher(), DateEnricher(), SentimentEnricher(), FingerprintEnricher(),
        ]
        for enricher in enrichers where only.isEmpty || only.contains(enricher.name) {
            var runs = 0
            started = clock.now
            while clock.now - started < .seconds(seconds) {
                for (text, base) in articles {
                    var result = base
                    try enricher.enrich(text, into: &result)
                    runs += 1
                }
            }
            let perArticle = milliseconds(clock.now - started) * 1000 / Double(runs)
            print(
                "\(enricher.name.padding(toLength: 22, withPad: " ", startingAt: 0))"
                    + String(format: "%9.1f µs/article %10.0f articles/s", perArticle, 1e6 / perArticle))
        }
    }
}

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
        let paths =
            files.isEmpty
            ? ((try? FileManager.default.contentsOfDirectory(atPath: "samples")) ?? []).filter { $0.hasSuffix(".txt") }
                .sorted().map { "samples/" + $0 } : files
        let parser = StandardArticleParser()
        var articles: [(Article, Enrichments)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            let article = try parser.parse(Envelope(content: .text(String(decoding: data, as: UTF8.self))))
            var base = Enrichments()
            try EntityEnricher.builtIn.enrich(article, into: &base)
            articles.append((article, base))
        }
        guard !articles.isEmpty else { throw ValidationError("no articles") }
        print("articles: \(articles.count), \(articles.reduce(0) { $0 + $1.0.body.utf8.count }) body bytes")
        print(String(format: "places gazetteer load   %8.1f ms", milliseconds(gazetteerLoad)))
        print(String(format: "word frequencies load   %8.1f ms", milliseconds(frequencyLoad)))
        let enrichers: [any Enricher] = [
            TextStatsEnricher(), EntityEnricher.builtIn, PlaceEnricher(), KeyphraseEnricher(), SummaryEnricher(),
        ]
        for enricher in enrichers {
            var runs = 0
            started = clock.now
            while clock.now - started < .seconds(seconds) {
                for (article, base) in articles {
                    var result = base
                    try enricher.enrich(article, into: &result)
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

import Articles
import Testing

@Suite struct LanguageDetectorTests {
    static let samples: [(String, String)] = [
        (
            "en",
            "The city council voted on Tuesday to extend the night bus service to the airport, after months of "
                + "complaints from shift workers who said they could not get home once the last train had left."
        ),
        (
            "fr",
            "Le conseil municipal a voté mardi la prolongation du service de bus de nuit jusqu'à l'aéroport, "
                + "après des mois de plaintes des travailleurs qui ne pouvaient plus rentrer chez eux le soir."
        ),
        (
            "de",
            "Der Stadtrat hat am Dienstag beschlossen, den Nachtbus bis zum Flughafen zu verlängern, nachdem "
                + "sich Schichtarbeiter monatelang beschwert hatten, dass sie nach dem letzten Zug nicht nach Hause kamen."
        ),
        (
            "es",
            "El ayuntamiento votó el martes ampliar el servicio de autobús nocturno hasta el aeropuerto, tras "
                + "meses de quejas de los trabajadores que no podían volver a casa después del último tren."
        ),
    ]

    @Test(arguments: samples) func detectsBodyLanguage(expected: String, text: String) {
        let detector = LanguageDetector()
        #expect(detector.detect(text)?.code == expected)
        #expect(detector.language(of: text) == expected)
    }

    @Test func bodyWinsOverAWrongHint() {
        let (_, french) = Self.samples[1]
        #expect(LanguageDetector().language(of: french, hint: "en") == "fr")
    }

    @Test func shortTextFallsBackToTheHint() {
        #expect(LanguageDetector().language(of: "OK", hint: "pt-BR") == "pt")
        #expect(LanguageDetector().language(of: "12:30", hint: nil) == nil)
        #expect(LanguageDetector().language(of: "", hint: "EN") == "en")
    }

    @Test func invalidHintsAreIgnored() {
        #expect(LanguageDetector().language(of: "...", hint: "not a tag") == nil)
        #expect(LanguageDetector().language(of: "...", hint: "") == nil)
    }

    @Test func parserSetsLanguageFromTheBody() throws {
        let (_, german) = Self.samples[2]
        let article = try StandardArticleParser().parse(Envelope(language: "en", content: .body(german)))
        #expect(article.language == "de")
    }
}

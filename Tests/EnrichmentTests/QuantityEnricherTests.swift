import Articles
@testable import Enrichment
import Testing

@Suite struct QuantityEnricherTests {
    private func quantities(_ body: String) throws -> [Quantity] {
        var result = Enrichments()
        try QuantityEnricher().enrich(Article(body: body), into: &result)
        return try #require(result.quantities)
    }

    @Test func seedLikeCounts() throws {
        let found = try quantities(
            "Russian jets flew 510 sorties against nearly 1,900 “terrorist facilities”, and 40,000 people fled. "
                + "Two U.S. officials said two A-10 aircraft were nearby.")
        let byText = Dictionary(found.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["510 sorties"]?.value == 510)
        #expect(byText["510 sorties"]?.unit == "sorties")
        #expect(found.contains { $0.value == 1900 && $0.unit == "terrorist facilities" })
        #expect(byText["40,000 people"]?.kind == .count)
        #expect(byText["Two U.S. officials"]?.unit == "officials")
        #expect(byText["two A-10"]?.unit == "A-10")
        #expect(!found.contains { $0.unit == "A" || $0.value == 10 })
    }

    @Test func measurementsAreConvertedToSI() throws {
        let found = try quantities("No jets came within 12.5 miles (20 kilometers) of the city, and the convoy carried 300 tonnes.")
        #expect(found.map(\.unit) == ["m", "m", "kg"])
        #expect(abs(found[0].value - 20_116.8) < 0.01)
        #expect(found[1].value == 20_000)
        #expect(found[2].value == 300_000)
    }

    @Test func moneyAndPercentages() throws {
        let found = try quantities(
            "Profit rose 5.4 pct to 15.6 mln dlrs, or 25 cts a share, against $1.5 billion and 7-1/2 pct; "
                + "the unit earned 40 Canadian dlrs and £3m.")
        #expect(found.map(\.unit) == ["%", "USD", "USD", "USD", "%", "CAD", "GBP"])
        #expect(found.map(\.value) == [5.4, 15_600_000, 0.25, 1_500_000_000, 7.5, 40, 3_000_000])
    }

    @Test func yearsDatesIdentifiersAndPronounsAreNotQuantities() throws {
        let found = try quantities(
            "In 1986 the Boeing 747 left on March 2 at 10:30. One of them was No. 1, and he is one who knows.")
        #expect(found.isEmpty)
    }

    @Test func signsMultipliersTemperaturesAndPounds() throws {
        let found = try quantities(
            "It was -5 degrees Celsius. The state will spend 5bn euros, or $5 bn. She sold the house for 500,000 pounds; "
                + "the baby weighed 8 pounds.")
        #expect(found.map(\.unit) == ["degC", "EUR", "USD", "GBP", "kg"])
        #expect(found.map(\.value)[0...3] == [-5, 5e9, 5e9, 500_000])
    }

    @Test func hugeNumbersAreDroppedNotInfinite() throws {
        let found = try quantities("$" + String(repeating: "9", count: 400) + " and " + String(repeating: "9", count: 309) + " million dollars")
        #expect(found.allSatisfy { $0.value.isFinite })
    }

    @Test func durationsAndAges() throws {
        let found = try quantities("The 45-year-old spent three years and a five-month stint abroad.")
        #expect(found.map(\.unit) == ["year", "year", "month"])
        #expect(found.map(\.value) == [45, 3, 5])
    }
}

import Articles
@testable import Enrichment
import Testing

@Suite struct DateEnricherTests {
    private func dates(_ body: String, published: String? = nil) throws -> [DateReference] {
        var result = Enrichments()
        try DateEnricher().enrich(Article(publishedAt: published, body: body), into: &result)
        return try #require(result.dates)
    }

    // 2016-02-05 was a Friday.
    @Test func relativeDatesResolveAgainstPublication() throws {
        let found = try dates(
            "On Thursday the ministry said strikes had hit 1,900 targets last week. Talks resume later this month, "
                + "and envoys will meet on Monday. Yesterday was calm; earlier this month it was not.",
            published: "2016-02-05T10:00:00Z")
        let resolved = Dictionary(found.map { ($0.text, $0.resolved) }, uniquingKeysWith: { a, _ in a })
        #expect(resolved["Thursday"] == "2016-02-04")
        #expect(resolved["last week"] == "2016-W04")
        #expect(resolved["later this month"] == "2016-02")
        #expect(resolved["Monday"] == "2016-02-08")
        #expect(resolved["Yesterday"] == "2016-02-04")
        #expect(resolved["earlier this month"] == "2016-02")
        #expect(found.allSatisfy { $0.relative })
    }

    @Test func absoluteDates() throws {
        let found = try dates(
            "PUBLISHED on 5 May 2013, the report covered Friday, February 5, 2016, the first quarter of 1987 and "
                + "sales in 1986.")
        #expect(found.map(\.resolved) == ["2013-05-05", "2016-02-05", "1987-Q1", "1986"])
        #expect(found.map(\.granularity) == [.day, .day, .quarter, .year])
        #expect(found[1].text == "Friday, February 5, 2016")
    }

    @Test func withoutPublicationDateRelativeOnesStayUnresolved() throws {
        let found = try dates("He arrived on Thursday and left on February 22, a week before the vote last year.")
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.resolved == nil })
        #expect(found.map(\.granularity) == [.day, .day, .year])
    }

    @Test func monthDayWithoutYearTakesTheNearestSensibleYear() throws {
        // Published in January: a December date in a past-tense sentence is last December.
        let found = try dates("The week ended December 28 saw losses, and talks are scheduled for February 10.", published: "1987-01-05")
        #expect(found.map(\.resolved) == ["1986-12-28", "1987-02-10"])
    }

    @Test func modalMayAndNamesAreNotDates() throws {
        #expect(try dates("Prices may rise, and the troops march on.", published: "2016-02-05").isEmpty)
        #expect(try dates("Home Secretary Theresa May said so.", published: "2016-02-05").isEmpty)
        #expect(try dates("A crowd of 2000 protesters won by 1950 votes; the phone costs $1999.", published: "2016-02-05").isEmpty)
    }

    @Test func yearsAroundPublicationAndTense() throws {
        func resolved(_ body: String, _ published: String) throws -> [String?] { try dates(body, published: published).map(\.resolved) }
        #expect(try resolved("The new law takes effect on Jan. 1.", "2015-12-31") == ["2016-01-01"])
        #expect(try resolved("He will leave next March.", "2016-01-01") == ["2016-03"])
        #expect(try resolved("He was hired last March.", "2016-11-10") == ["2016-03"])
        #expect(try resolved("The first quarter will be better.", "2018-12-31") == ["2019-Q1"])
        // 2016-02-05 is a Friday: a reporting verb right before the weekday makes it past.
        #expect(try resolved("The company will cut 500 jobs, a spokesman said on Monday.", "2016-02-05") == ["2016-02-01"])
        #expect(try resolved("On Monday, the president will visit Paris.", "2016-02-05") == ["2016-02-08"])
        #expect(try resolved("It happened in 1986 first quarter.", "1987-03-01") == ["1986", "1986-Q1"])
    }

    @Test func outOfRangePublicationDatesAreIgnored() throws {
        for published in ["0000-01-01", "9999-12-31", "2016-02-30", "garbage"] {
            #expect(try dates("Tomorrow and last month.", published: published).allSatisfy { $0.resolved == nil })
        }
    }

    @Test func isoWeeksAndCalendarArithmetic() throws {
        #expect(CalendarDay(year: 2016, month: 1, day: 1)?.isoWeek == "2015-W53")
        #expect(CalendarDay(year: 1987, month: 3, day: 2)?.weekday == 1)
        #expect(CalendarDay(year: 2000, month: 2, day: 29)?.adding(1).isoDay == "2000-03-01")
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDay(iso: "not a date") == nil)
    }
}

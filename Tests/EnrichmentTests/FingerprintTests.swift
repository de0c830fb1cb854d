import Articles
@testable import Enrichment
import Testing

@Suite struct FingerprintTests {
    private let story = (0..<12).map { index in
        "Paragraph \(index) reports that the harbour authority closed berth \(index * 3) after the storm damaged "
            + "the sea wall and flooded the lower streets near the fish market."
    }

    @Test func republishedStoryWithNewCreditAndShuffledParagraphsIsANearDuplicate() {
        let original = FingerprintEnricher.fingerprint(of: story.joined(separator: "\n\n"))
        var shuffled = story
        shuffled.swapAt(2, 7)
        let copy = FingerprintEnricher.fingerprint(
            of: shuffled.joined(separator: "\n\n") + "\n\nAdditional reporting by a wire service.")
        let other = FingerprintEnricher.fingerprint(
            of: "The city council approved the new budget for schools and libraries after a long debate on taxes.")
        #expect(original.minhash.count == 64)
        #expect(original.similarity(to: copy) >= 0.8)
        #expect(original.similarity(to: other) < 0.2)
        #expect((original.simhash ^ copy.simhash).nonzeroBitCount <= 3)
        #expect((original.simhash ^ other.simhash).nonzeroBitCount > 10)
    }

    @Test func emptyAndShortBodies() {
        #expect(FingerprintEnricher.fingerprint(of: "").shingles == 0)
        #expect(FingerprintEnricher.fingerprint(of: "Two words").shingles == 1)
        #expect(FingerprintEnricher.fingerprint(of: "").similarity(to: FingerprintEnricher.fingerprint(of: "")) == 0)
    }

    @Test func aFloodOfCopiesStaysCheap() {
        let index = DuplicateIndex(capacity: 100_000, window: .seconds(3600))
        let copy = FingerprintEnricher.fingerprint(of: story.joined(separator: " "))
        let clock = ContinuousClock()
        let started = clock.now
        for n in 0..<20_000 { _ = index.check(id: "c\(n)", fingerprint: copy) }
        #expect(index.check(id: "last", fingerprint: copy)?.id == "c19999")
        // Bounded buckets: linear, not quadratic (about 20 ms in a debug build; quadratic takes minutes).
        #expect(clock.now - started < .seconds(20))
    }

    @Test func indexMarksDuplicatesAndForgetsOldEntries() {
        let index = DuplicateIndex(capacity: 2, window: .seconds(60))
        let first = FingerprintEnricher.fingerprint(of: story.joined(separator: " "))
        let unrelated = (0..<3).map { FingerprintEnricher.fingerprint(of: "Unrelated story number \($0) about trains, buses and ferries in winter.") }
        #expect(index.check(id: "a", fingerprint: first) == nil)
        #expect(index.check(id: "b", fingerprint: first)?.id == "a")
        #expect(index.count == 2)
        // Capacity 2: two more articles push both copies out.
        _ = index.check(id: "c", fingerprint: unrelated[0])
        _ = index.check(id: "d", fingerprint: unrelated[1])
        #expect(index.check(id: "e", fingerprint: first) == nil)
        // Window: an entry older than the window is not matched.
        let now = ContinuousClock.now
        let aged = DuplicateIndex(capacity: 10, window: .seconds(60))
        _ = aged.check(id: "old", fingerprint: unrelated[2], now: now)
        #expect(aged.check(id: "new", fingerprint: unrelated[2], now: now + .seconds(61)) == nil)
    }
}

public import Articles
import Synchronization

/// The fingerprints of the articles this worker published recently, to mark near-duplicates
/// (`enrichment.duplicate_of`).
///
/// Bounded by `capacity` entries and by age (`window`); the oldest entries go first. Candidates are
/// found by locality-sensitive hashing — the 64 MinHash slots in 16 bands of 4; two articles with
/// Jaccard similarity 0.8 share a band with probability 0.9998 — and confirmed by the slot
/// agreement. A bucket keeps its 8 newest entries, so a check costs at most 128 comparisons even
/// when thousands of copies of one story arrive. Safe to share between tasks.
public final class DuplicateIndex: Sendable {
    /// Bands and slots per band of the LSH table.
    static let bands = 16
    static let bandWidth = 4
    /// The most entries a bucket keeps (the newest).
    static let bucketLimit = 8

    /// The most entries kept.
    public let capacity: Int
    /// How long an entry is kept.
    public let window: Duration
    /// The least estimated similarity that counts as a duplicate.
    public let threshold: Double

    private struct Entry {
        var id: String
        var fingerprint: Fingerprint
        var time: ContinuousClock.Instant
        var keys: [UInt64]
    }

    private struct State {
        var entries: [Int: Entry] = [:]
        var buckets: [UInt64: [Int]] = [:]
        var oldest = 0
        var next = 0
    }

    private let state = Mutex(State())

    /// Creates an index.
    ///
    /// - Parameters:
    ///   - capacity: The most fingerprints kept (at least 1).
    ///   - window: How long a fingerprint is kept.
    ///   - threshold: The least estimated Jaccard similarity that marks a duplicate, 0–1.
    public init(capacity: Int, window: Duration, threshold: Double = 0.8) {
        self.capacity = max(1, capacity)
        self.window = window
        self.threshold = threshold
    }

    /// How many fingerprints are kept now.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Finds the most similar recent article to `fingerprint` (at or above the threshold; the newest
    /// among equals), then records this one under `id`.
    ///
    /// - Returns: The earlier article's id and the estimated similarity, or `nil`.
    public func check(id: String, fingerprint: Fingerprint, now: ContinuousClock.Instant = .now) -> Duplicate? {
        guard fingerprint.shingles > 0, fingerprint.minhash.count == Self.bands * Self.bandWidth else { return nil }
        let keys = (0..<Self.bands).map { band in
            var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for slot in (band * Self.bandWidth)..<((band + 1) * Self.bandWidth) {
                key = FeatureHash.combine(key, UInt64(fingerprint.minhash[slot]))
            }
            return key
        }
        return state.withLock { state in
            evict(&state, now: now)
            // The most similar; among equals, the newest.
            var best: (duplicate: Duplicate, sequence: Int)?
            var seen = Set<Int>()
            for key in keys {
                for sequence in state.buckets[key] ?? [] where seen.insert(sequence).inserted {
                    guard let entry = state.entries[sequence] else { continue }
                    let similarity = fingerprint.similarity(to: entry.fingerprint)
                    guard similarity >= threshold else { continue }
                    if let current = best,
                        (current.duplicate.similarity, current.sequence) > (similarity, sequence)
                    {
                        continue
                    }
                    best = (Duplicate(id: entry.id, similarity: similarity), sequence)
                }
            }
            let sequence = state.next
            state.next += 1
            state.entries[sequence] = Entry(id: id, fingerprint: fingerprint, time: now, keys: keys)
            for key in keys {
                // A bucket keeps its newest entries only: a flood of copies of one story costs a bounded
                // number of comparisons per article, and the newest copy is as good a match as any.
                state.buckets[key, default: []].append(sequence)
                if state.buckets[key]!.count > Self.bucketLimit { state.buckets[key]!.removeFirst() }
            }
            evict(&state, now: now)
            return best?.duplicate
        }
    }

    /// Drops entries beyond the capacity or older than the window, oldest first.
    private func evict(_ state: inout State, now: ContinuousClock.Instant) {
        while state.oldest < state.next {
            guard let entry = state.entries[state.oldest] else {
                state.oldest += 1
                continue
            }
            guard state.entries.count > capacity || now - entry.time > window else { break }
            for key in entry.keys {
                state.buckets[key]?.removeAll { $0 == state.oldest }
                if state.buckets[key]?.isEmpty == true { state.buckets[key] = nil }
            }
            state.entries[state.oldest] = nil
            state.oldest += 1
        }
    }
}

internal import CEnrichdModels

/// Word valences (−4…+4) for sentiment, plus the rule words that modify them: intensifiers and
/// dampeners, negations and contrast (`but`).
///
/// The valences are the VADER lexicon's words (`scripts/build-sentiment-lexicon.py`), embedded in the
/// binary; the rule words are this project's.
public struct SentimentLexicon: Sendable {
    /// A word's valence, or what it does to the sentiment words after it.
    struct Entry: Sendable {
        /// `value` is the word's valence.
        static let valence: UInt8 = 0
        /// Scales the next sentiment word's valence up (`very`) or down (`slightly`) by `value`.
        static let booster: UInt8 = 1
        /// Flips and damps the sentiment words within three words after it (`not`, `never`).
        static let negation: UInt8 = 2
        /// Halves what came before in the sentence and strengthens what follows (`but`).
        static let contrast: UInt8 = 3

        var value: Float
        var kind: UInt8
    }

    private let entries: WordTable<Entry>

    /// Reads a `word<TAB>valence` table; `#` lines are comments.
    ///
    /// - Throws: ``EnrichmentError`` (`resource_unavailable`) naming the first malformed line.
    public init(table: UnsafeBufferPointer<UInt8>) throws(EnrichmentError) {
        var valences: [UInt64: Float] = [:]
        valences.reserveCapacity(8_000)
        var start = 0
        var lineNumber = 0
        while start < table.count {
            var end = start
            while end < table.count && table[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if end == start || table[start] == UInt8(ascii: "#") { continue }
            var tab = start
            while tab < end && table[tab] != 0x09 { tab += 1 }
            guard tab < end, let value = Float(String(decoding: UnsafeBufferPointer(rebasing: table[(tab + 1)..<end]), as: UTF8.self)),
                value.isFinite
            else {
                throw EnrichmentError(
                    code: .resourceUnavailable, enricher: "sentiment", detail: "lexicon line \(lineNumber) is malformed")
            }
            valences[FeatureHash.lowercased(table, start, tab)] = value
        }
        var entries: [(UInt64, Entry)] = valences.map { ($0.key, Entry(value: $0.value, kind: Entry.valence)) }
        func add(_ words: [String], _ kind: UInt8, _ value: Float = 0) {
            for word in words { entries.append((FeatureHash.lowercased(word), Entry(value: value, kind: kind))) }
        }
        add(Self.intensifiers, Entry.booster, 0.293)
        add(Self.dampeners, Entry.booster, -0.293)
        add(Self.negations, Entry.negation)
        add(["but", "however"], Entry.contrast)
        self.entries = WordTable(entries)
    }

    /// The table built into the binary, read once (a damaged table is a broken build).
    public static let builtIn: SentimentLexicon = {
        do {
            return try SentimentLexicon(table: UnsafeBufferPointer(start: enrichd_sentiment_bytes(), count: enrichd_sentiment_size()))
        } catch {
            fatalError("the built-in sentiment lexicon cannot be read: \(error)")
        }
    }()

    /// The valence or modifier of the word with key `key` (``FeatureHash/lowercased(_:_:_:)``), if any.
    @inline(__always)
    func entry(_ key: UInt64) -> Entry? { entries[key] }

    static let intensifiers = [
        "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "enormously",
        "entirely", "especially", "exceptionally", "extremely", "fully", "greatly", "highly", "hugely", "incredibly",
        "intensely", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly",
        "totally", "tremendously", "unbelievably", "unusually", "utterly", "very", "most", "more", "deadly",
        "seriously", "severely", "sharply", "strongly", "widely",
    ]
    static let dampeners = [
        "almost", "barely", "hardly", "less", "little", "marginally", "occasionally", "partly", "scarcely", "slightly",
        "somewhat", "kinda", "sorta", "mildly", "modestly",
    ]
    static let negations = [
        "not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without", "cannot", "n't",
        "dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent", "cant", "couldnt", "wont", "wouldnt",
        "shouldnt", "hasnt", "havent", "hadnt", "aint", "rarely", "seldom", "lack", "lacked", "lacks",
    ]
}

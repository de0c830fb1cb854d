public import Articles

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// payload bytes → decode → parse → enrich → encode.
///
/// A value type shared by all workers; ``process(_:context:)`` is synchronous, never throws, and turns
/// every failure into a dead-letter record carrying a stable reason code and the stage that failed.
public struct ArticlePipeline: Sendable {
    /// Turns envelopes into articles.
    public var parser: any ArticleParser
    /// Run in order on every article.
    public var enrichers: [any Enricher]
    /// Envelope decoding bounds.
    public var limits: EnvelopeLimits
    /// Recent fingerprints, to mark near-duplicates (`enrichment.duplicate_of`); `nil` turns it off.
    public var duplicates: DuplicateIndex?

    /// Creates a pipeline.
    ///
    /// - Parameters:
    ///   - parser: Turns envelopes into articles.
    ///   - enrichers: Run in order on every article.
    ///   - limits: Envelope decoding bounds (the largest payload also caps what dead letters include).
    public init(
        parser: any ArticleParser = StandardArticleParser(),
        enrichers: [any Enricher] = ArticlePipeline.defaultEnrichers,
        limits: EnvelopeLimits = .init(),
        duplicates: DuplicateIndex? = nil
    ) {
        self.parser = parser
        self.enrichers = enrichers
        self.limits = limits
        self.duplicates = duplicates
    }

    /// The enrichers available in this release, in the order they must run (places, keyphrases, the summary, quotes and sentiment read the entities; places read the quantities).
    public static var defaultEnrichers: [any Enricher] { enrichers() }

    /// The enrichers of this release with operator settings, in the order they must run.
    ///
    /// - Parameters:
    ///   - entities: Whether the entity tagger runs (places then see only names found directly).
    ///   - keywords: How many keyphrases to report; 0 leaves the keyphrase enricher out.
    ///   - summarySentences: How many summary sentences to pick; 0 leaves the summary out.
    public static func enrichers(entities: Bool = true, keywords: Int = 10, summarySentences: Int = 3) -> [any Enricher] {
        var list: [any Enricher] = [TextStatsEnricher()]
        if entities { list.append(EntityEnricher.builtIn) }
        list += [QuantityEnricher(), PlaceEnricher()]
        if keywords > 0 { list.append(KeyphraseEnricher(maxCount: keywords)) }
        if summarySentences > 0 { list.append(SummaryEnricher(sentenceCount: summarySentences)) }
        list += [QuoteEnricher(), DateEnricher(), SentimentEnricher(), FingerprintEnricher()]
        return list
    }

    /// A pipeline with no enrichers, for measuring transport.
    public static var passThrough: ArticlePipeline {
        ArticlePipeline(parser: StandardArticleParser(language: nil), enrichers: [])
    }

    /// Processes one payload.
    ///
    /// - Parameters:
    ///   - payload: The message bytes (a JSON envelope or raw text).
    ///   - context: Worker, receive time and topic.
    /// - Returns: The encoded output record, or the encoded dead letter.
    public func process(_ payload: [UInt8], context: ProcessingContext) -> ProcessingResult {
        var timings = StageTimings()
        return process(payload, context: context, timings: &timings)
    }

    /// Processes one payload and reports how long each stage took.
    ///
    /// - Parameters:
    ///   - payload: The message bytes (a JSON envelope or raw text).
    ///   - context: Worker, receive time and topic.
    ///   - timings: Receives the duration of each stage that ran.
    /// - Returns: The encoded output record, or the encoded dead letter.
    public func process(
        _ payload: [UInt8], context: ProcessingContext, timings: inout StageTimings
    ) -> ProcessingResult {
        let clock = ContinuousClock()
        let started = clock.now
        var mark = started
        /// Time since the previous stage ended; starts the next one.
        func lap() -> Duration {
            let now = clock.now
            defer { mark = now }
            return now - mark
        }
        defer { timings.encode = lap() }
        func fail(_ stage: String, id: String?, reason: String, message: String) -> ProcessingResult {
            deadLetter(id: id, reason: reason, stage: stage, message: message, payload: payload, context: context)
        }
        let envelope: Envelope
        do {
            envelope = try Envelope.decode(payload, limits: limits)
        } catch {
            timings.decode = lap()
            return fail(
                DeadLetter.Stage.decode, id: error.envelopeID, reason: error.code.rawValue, message: error.description)
        }
        timings.decode = lap()
        let article: Article
        do {
            article = try parser.parse(envelope)
        } catch {
            timings.parse = lap()
            return fail(
                DeadLetter.Stage.parse, id: envelope.id, reason: error.code.rawValue, message: error.description)
        }
        timings.parse = lap()
        var enrichments = Enrichments()
        let text = ArticleText(article)
        for enricher in enrichers {
            do {
                try enricher.enrich(text, into: &enrichments)
            } catch {
                timings.enrich = lap()
                return fail(
                    DeadLetter.Stage.enrich, id: envelope.id, reason: error.code.rawValue, message: error.description)
            }
        }
        let id = envelope.id ?? ContentHash.id(for: payload)
        if let duplicates, let fingerprint = enrichments.fingerprint {
            enrichments.duplicateOf = duplicates.check(id: id, fingerprint: fingerprint)
        }
        timings.enrich = lap()
        let elapsed = clock.now - started
        let (seconds, attoseconds) = elapsed.components
        let micros = Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
        let record = OutputRecord(
            id: id,
            receivedAt: context.receivedAt,
            processedAt: Date(),
            processingMicroseconds: micros,
            worker: context.worker,
            source: envelope.source,
            metadata: envelope.metadata,
            article: article,
            enrichment: enrichments
        )
        return .output(id: id, json: record.encodeJSON(), language: article.language, source: envelope.source)
    }

    private func deadLetter(
        id: String?,
        reason: String,
        stage: String,
        message: String,
        payload: [UInt8],
        context: ProcessingContext
    ) -> ProcessingResult {
        let letter = DeadLetter(
            id: id,
            reason: reason,
            stage: stage,
            message: message,
            receivedAt: context.receivedAt,
            worker: context.worker,
            topic: context.topic,
            payload: payload
        )
        return .deadLetter(reason: reason, stage: stage, json: letter.encodeJSON(maxPayloadBytes: limits.maxBytes))
    }
}

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One enriched article as published: schema `enrichd.article/1`.
///
/// See `Sources/Articles/Schema/enrichd.article.schema.json` for the JSON shape.
public struct OutputRecord: Sendable {
    /// The schema identifier written to `schema`.
    public static let schema = "enrichd.article/1"

    /// The envelope id, or a content hash (`h:` + FNV-1a 64 hex) when the envelope had none.
    public var id: String
    /// When the payload was received.
    public var receivedAt: Date
    /// When processing finished.
    public var processedAt: Date
    /// Time spent decoding, parsing and enriching, in microseconds.
    public var processingMicroseconds: Int
    /// The worker that processed it.
    public var worker: String
    /// The envelope `source`.
    public var source: String?
    /// The envelope `metadata`, unchanged.
    public var metadata: JSONValue?
    /// The article.
    public var article: Article
    /// What the enrichers found.
    public var enrichment: Enrichments

    /// Creates a record.
    public init(
        id: String,
        receivedAt: Date,
        processedAt: Date,
        processingMicroseconds: Int,
        worker: String,
        source: String? = nil,
        metadata: JSONValue? = nil,
        article: Article,
        enrichment: Enrichments
    ) {
        self.id = id
        self.receivedAt = receivedAt
        self.processedAt = processedAt
        self.processingMicroseconds = processingMicroseconds
        self.worker = worker
        self.source = source
        self.metadata = metadata
        self.article = article
        self.enrichment = enrichment
    }

    /// Encodes the record as one compact JSON object (no trailing newline).
    public func encodeJSON() -> [UInt8] {
        var w = JSONWriter(capacity: article.body.utf8.count * 2 + 1024)
        w.beginObject()
        w.key("schema")
        w.string(Self.schema)
        w.key("id")
        w.string(id)
        w.key("received_at")
        w.string(Timestamp.iso8601(receivedAt))
        w.key("processed_at")
        w.string(Timestamp.iso8601(processedAt))
        w.key("processing_us")
        w.number(processingMicroseconds)
        w.key("worker")
        w.string(worker)
        w.key("source")
        w.string(source)
        w.key("metadata")
        if let metadata { w.value(metadata) } else { w.null() }
        w.key("article")
        article.write(to: &w)
        w.key("enrichment")
        enrichment.write(to: &w)
        w.endObject()
        return w.bytes
    }
}

extension Article {
    /// Writes the `article` object of an output record.
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("url")
        w.string(url)
        w.key("title")
        w.string(title)
        w.key("highlights")
        w.beginArray()
        for h in highlights { w.string(h) }
        w.endArray()
        w.key("dateline")
        if let dateline {
            w.beginObject()
            w.key("location")
            w.string(dateline.location)
            w.key("agency")
            w.string(dateline.agency)
            w.key("text")
            w.string(dateline.text)
            w.endObject()
        } else {
            w.null()
        }
        w.key("authors")
        w.beginArray()
        for a in authors { w.string(a) }
        w.endArray()
        w.key("contributors")
        w.beginArray()
        for c in contributors { w.string(c) }
        w.endArray()
        w.key("published_at")
        w.string(publishedAt)
        w.key("language")
        w.string(language)
        w.key("body")
        w.string(body)
        w.key("media")
        w.beginArray()
        for item in media {
            w.beginObject()
            w.key("kind")
            w.string(item.kind.rawValue)
            w.key("text")
            w.string(item.text)
            w.key("duration_s")
            w.number(item.durationSeconds)
            w.key("credit")
            w.string(item.credit)
            w.key("file_name")
            w.string(item.fileName)
            w.endObject()
        }
        w.endArray()
        w.key("removed")
        w.beginArray()
        for block in removed {
            w.beginObject()
            w.key("kind")
            w.string(block.kind)
            w.key("text")
            w.string(block.text)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

extension Enrichments {
    /// Writes the `enrichment` object of an output record (fields not computed are left out).
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        if let stats {
            w.key("stats")
            w.beginObject()
            w.key("characters")
            w.number(stats.characters)
            w.key("words")
            w.number(stats.words)
            w.key("sentences")
            w.number(stats.sentences)
            w.key("paragraphs")
            w.number(stats.paragraphs)
            w.key("reading_time_s")
            w.number(stats.readingTimeSeconds)
            w.endObject()
        }
        if let entities {
            w.key("entities")
            w.beginArray()
            for entity in entities { entity.write(to: &w) }
            w.endArray()
        }
        if let places {
            w.key("places")
            w.beginArray()
            for place in places { place.write(to: &w) }
            w.endArray()
        }
        if let countries {
            w.key("countries")
            w.beginArray()
            for country in countries {
                w.beginObject()
                w.key("code")
                w.string(country.code)
                w.key("name")
                w.string(country.name)
                w.key("score")
                w.number(country.score)
                w.key("mentions")
                w.number(country.mentions)
                w.endObject()
            }
            w.endArray()
        }
        if let keywords {
            w.key("keywords")
            w.beginArray()
            for phrase in keywords {
                w.beginObject()
                w.key("text")
                w.string(phrase.text)
                w.key("score")
                w.number(phrase.score)
                w.key("count")
                w.number(phrase.count)
                w.endObject()
            }
            w.endArray()
        }
        if let summary {
            w.key("summary")
            w.beginArray()
            for sentence in summary {
                w.beginObject()
                w.key("text")
                w.string(sentence.text)
                w.key("start")
                w.number(sentence.start)
                w.key("end")
                w.number(sentence.end)
                w.key("score")
                w.number(sentence.score)
                w.endObject()
            }
            w.endArray()
        }
        if let quotes {
            w.key("quotes")
            w.beginArray()
            for quote in quotes { quote.write(to: &w) }
            w.endArray()
        }
        if let quantities {
            w.key("quantities")
            w.beginArray()
            for quantity in quantities {
                w.beginObject()
                w.key("text")
                w.string(quantity.text)
                w.key("start")
                w.number(quantity.start)
                w.key("end")
                w.number(quantity.end)
                w.key("value")
                w.number(quantity.value)
                w.key("unit")
                w.string(quantity.unit)
                w.key("kind")
                w.string(quantity.kind.rawValue)
                w.endObject()
            }
            w.endArray()
        }
        if let dates {
            w.key("dates")
            w.beginArray()
            for date in dates {
                w.beginObject()
                w.key("text")
                w.string(date.text)
                w.key("start")
                w.number(date.start)
                w.key("end")
                w.number(date.end)
                w.key("resolved")
                w.string(date.resolved)
                w.key("granularity")
                w.string(date.granularity.rawValue)
                w.key("relative")
                w.bool(date.relative)
                w.endObject()
            }
            w.endArray()
        }
        if let sentiment {
            w.key("sentiment")
            sentiment.write(to: &w)
        }
        if let fingerprint {
            w.key("fingerprint")
            w.beginObject()
            w.key("simhash")
            w.string(Self.hex(fingerprint.simhash))
            w.key("minhash")
            w.beginArray()
            for slot in fingerprint.minhash { w.number(Int(slot)) }
            w.endArray()
            w.key("shingles")
            w.number(fingerprint.shingles)
            w.endObject()
        }
        if let duplicateOf {
            w.key("duplicate_of")
            w.beginObject()
            w.key("id")
            w.string(duplicateOf.id)
            w.key("similarity")
            w.number(duplicateOf.similarity)
            w.endObject()
        }
        w.endObject()
    }

    /// 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        for k in 0..<16 { bytes[k] = digits[Int((value >> UInt64(60 - 4 * k)) & 0xF)] }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Quote {
    /// Writes one element of `enrichment.quotes`.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("kind")
        w.string(kind.rawValue)
        w.key("text")
        w.string(text)
        w.key("start")
        w.number(start)
        w.key("end")
        w.number(end)
        w.key("speaker")
        w.string(speaker)
        w.key("speaker_type")
        w.string(speakerType)
        w.key("role")
        w.string(role)
        w.key("verb")
        w.string(verb)
        w.endObject()
    }
}

extension Sentiment {
    /// Writes `enrichment.sentiment`.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("score")
        w.number(score)
        w.key("label")
        w.string(label)
        w.key("positive")
        w.number(positive)
        w.key("negative")
        w.number(negative)
        w.key("tone")
        w.number(tone)
        w.key("polarity")
        w.number(polarity)
        w.key("words")
        w.number(words)
        w.key("entities")
        w.beginArray()
        for entity in entities {
            w.beginObject()
            w.key("name")
            w.string(entity.name)
            w.key("type")
            w.string(entity.type)
            w.key("score")
            w.number(entity.score)
            w.key("label")
            w.string(entity.label)
            w.key("sentences")
            w.number(entity.sentences)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}

extension Place {
    /// Writes one element of `enrichment.places`.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("geonameid")
        w.number(geonameID)
        w.key("name")
        w.string(name)
        w.key("kind")
        w.string(kind.rawValue)
        w.key("country_code")
        w.string(countryCode)
        w.key("admin1")
        w.string(admin1)
        w.key("lat")
        if let latitude { w.number(latitude) } else { w.null() }
        w.key("lon")
        if let longitude { w.number(longitude) } else { w.null() }
        w.key("confidence")
        w.number(confidence)
        w.key("count")
        w.number(mentions.count)
        w.key("mentions")
        Entity.writeMentions(mentions, to: &w)
        w.endObject()
    }
}

extension Entity {
    /// Writes one element of `enrichment.entities`.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("name")
        w.string(name)
        w.key("type")
        w.string(type)
        w.key("salience")
        w.number((salience * 1000).rounded() / 1000)
        w.key("count")
        w.number(mentions.count)
        w.key("mentions")
        Self.writeMentions(mentions, to: &w)
        w.endObject()
    }

    /// Writes a `mentions` array: `{start, end, text}` in code points.
    static func writeMentions(_ mentions: [Mention], to w: inout JSONWriter) {
        w.beginArray()
        for mention in mentions {
            w.beginObject()
            w.key("start")
            w.number(mention.start)
            w.key("end")
            w.number(mention.end)
            w.key("text")
            w.string(mention.text)
            w.endObject()
        }
        w.endArray()
    }
}

import Articles

/// Finds quotes and attributions in one article (``QuoteEnricher``).
struct QuoteReader {
    let buffer: UnsafeBufferPointer<UInt8>
    let text: ArticleText
    let tokens: [Token]
    let keys: [UInt64]
    /// PER and ORG mentions in body order: code points, entity index, first token, inside quotation marks.
    let mentions: [(start: Int, end: Int, entity: Int, token: Int, quoted: Bool)]
    let entities: [Entity]
    let spans: [QuoteSpans.Span]

    init(buffer: UnsafeBufferPointer<UInt8>, text: ArticleText, entities: [Entity]) {
        self.buffer = buffer
        self.text = text
        self.tokens = text.tokens
        self.keys = text.keys
        self.entities = entities
        let spans = QuoteSpans.spans(buffer)
        self.spans = spans
        let quoted = spans.map { text.scalarOffset($0.inner.lowerBound)..<text.scalarOffset($0.inner.upperBound) }
        var found: [(start: Int, end: Int, entity: Int)] = []
        for (index, entity) in entities.enumerated() where entity.type == "PER" || entity.type == "ORG" {
            for mention in entity.mentions { found.append((mention.start, mention.end, index)) }
        }
        found.sort { $0.start < $1.start }
        // Tokens and quote spans are in body order too: one merge pass each.
        let tokens = text.tokens
        var mentions: [(start: Int, end: Int, entity: Int, token: Int, quoted: Bool)] = []
        mentions.reserveCapacity(found.count)
        var k = 0
        var q = 0
        for mention in found {
            while k < tokens.count && text.scalarOffset(Int(tokens[k].start)) < mention.start { k += 1 }
            while q < quoted.count && quoted[q].upperBound <= mention.start { q += 1 }
            let inside = q < quoted.count && quoted[q].contains(mention.start)
            mentions.append((mention.start, mention.end, mention.entity, k, inside))
        }
        self.mentions = mentions
    }

    /// The number of mentions starting before code point `offset`.
    func mentionCount(before offset: Int) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// How far back a pronoun, title or description looks for its entity.
    static let lookBack = 200

    static func key(_ word: String) -> UInt64 { FeatureHash.lowercased(word) }
    static func table(_ keys: [UInt64]) -> WordTable<Bool> { WordTable(keys.map { ($0, true) }) }
    static let verbs: WordTable<Bool> = table(
        ["said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained", "explains", "wrote",
         "writes", "noted", "notes", "stated", "insisted", "warned", "warns", "declared", "continued", "replied",
         "recalled", "argued", "argues", "claimed", "claims", "acknowledged", "admitted", "announced", "tweeted",
         "posted", "suggested", "stressed", "conceded", "complained", "cautioned", "remarked", "observed", "responded",
         "agreed", "confirmed", "concluded", "testified", "shouted", "joked", "urged", "predicted", "reported",
         "reports", "according", "believes", "thinks", "quipped", "vowed", "pointed", "saying", "read", "reads"].map(key))
    static let indirectVerbs: WordTable<Bool> = table(["said", "says", "told", "added", "warned", "announced", "stated", "reported", "claimed"].map(key))
    static let organisations: WordTable<Bool> = table(
        ["company", "broadcaster", "ministry", "department", "agency", "group", "organization", "organisation", "network",
         "club", "firm", "team", "party", "government", "military", "army", "court", "university", "museum", "school",
         "bank", "airline", "council", "committee", "commission", "union", "board", "newspaper", "channel", "station",
         "hospital", "office", "embassy", "administration", "campaign", "league", "federation", "association",
         "institute", "foundation", "charity", "corporation", "studio", "paper", "magazine", "website", "service"].map(key))
    static let adverbs: WordTable<Bool> = table(
        ["also", "then", "later", "previously", "again", "further", "repeatedly", "earlier", "has", "had", "have",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"].map(key))
    static let conjunctions: WordTable<Bool> = table(["and", "but", "while", "as", "because", "although", "so", ";"].map(key))
    /// Words that may follow a reporting verb at the end of a sentence (`said on Monday`, `said in a statement`).
    static let trailing: WordTable<Bool> = table(
        ["on", "in", "a", "an", "statement", "interview", "monday", "tuesday", "wednesday", "thursday", "friday",
         "saturday", "sunday", "yesterday", "today", "tonight", "late", "earlier", "later", "night", "morning",
         "afternoon", "evening", "week", "this", "last"].map(key))
    static let pronouns: WordTable<Bool> = table(["he", "she"].map(key))
    static let groupPronouns: WordTable<Bool> = table(["they", "it", "we", "i"].map(key))
    static let determiners: WordTable<Bool> = table(["the", "a", "an", "its", "his", "her", "their", "another", "one"].map(key))
    static let roles: WordTable<Bool> = table(
        ["spokesman", "spokeswoman", "spokesperson", "minister", "president", "secretary", "official", "officials",
         "director", "chief", "officer", "analyst", "professor", "chairman", "chairwoman", "executive", "leader",
         "ambassador", "governor", "senator", "mayor", "commander", "general", "lawyer", "attorney", "judge", "coach",
         "manager", "founder", "economist", "researcher", "expert", "witness", "resident", "source", "sources",
         "representative", "head", "police", "sheriff", "captain", "prosecutor", "diplomat", "adviser", "advisor",
         "strategist", "editor", "correspondent", "author", "scientist", "doctor", "dr.", "chancellor", "premier",
         "king", "queen", "prince", "deputy", "envoy", "aide", "activist", "campaigner", "banker", "trader",
         "dealer", "dealers", "traders", "analysts", "economists", "statement", "report", "ministry", "department"].map(key))

    func word(_ k: Int) -> UInt64 { keys[k] }
    func isPunctuation(_ k: Int, _ c: Character) -> Bool {
        tokens[k].flags.contains(.punctuation) && tokens[k].end - tokens[k].start == 1 && buffer[Int(tokens[k].start)] == c.asciiValue!
    }
    func isQuoteMark(_ k: Int) -> Bool { QuoteSpans.mark(buffer, Int(tokens[k].start)).width > 0 }
    func ends(_ k: Int) -> Bool {  // a sentence end
        isPunctuation(k, ".") || isPunctuation(k, "!") || isPunctuation(k, "?")
    }

    /// The first token starting at or after byte `offset`.
    func token(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tokens[mid].start) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Who said it, found in the tokens `range`.
    struct Attribution {
        var speaker: String?
        var type: String?
        var role: String?
        var verb: String?
    }

    func quotes() -> [Quote] {
        var quotes: [Quote] = []
        var previous: (attribution: Attribution, paragraphEnd: Int)?
        for span in spans {
            let first = token(atOrAfter: span.inner.lowerBound)
            let last = token(atOrAfter: span.inner.upperBound)
            var words = 0
            for k in first..<last where !tokens[k].flags.contains(.punctuation) { words += 1 }
            guard words >= 4 else { continue }
            let after = token(atOrAfter: span.outer.upperBound)
            let before = token(atOrAfter: span.outer.lowerBound)
            // A quote that ends its sentence (`."` then a capital) is not attributed by the next sentence.
            let final = buffer[span.inner.upperBound - 1]
            let closesSentence = (final == UInt8(ascii: ".") || final == UInt8(ascii: "!") || final == UInt8(ascii: "?"))
                && after < tokens.count && tokens[after].flags.contains(.capitalized)
            var attribution = (closesSentence ? nil : attributionAfter(after, quoteStart: span.inner.lowerBound))
                ?? attributionBefore(before, quoteStart: span.inner.lowerBound)
            if attribution == nil, let previous, span.outer.lowerBound <= previous.paragraphEnd {
                attribution = previous.attribution
            }
            var paragraphEnd = span.outer.upperBound
            while paragraphEnd < buffer.count && buffer[paragraphEnd] != 0x0A { paragraphEnd += 1 }
            if let attribution { previous = (attribution, paragraphEnd) } else { previous = nil }
            quotes.append(
                Quote(
                    kind: .direct, text: text.text(span.inner), start: text.scalarOffset(span.inner.lowerBound),
                    end: text.scalarOffset(span.inner.upperBound), speaker: attribution?.speaker, speakerType: attribution?.type,
                    role: attribution?.role, verb: attribution?.verb))
        }
        quotes += indirectQuotes(outside: spans)
        return quotes.sorted { $0.start < $1.start }
    }

    /// `…,” said X.` / `…,” X said.` / `…,” X, the minister, said.`
    func attributionAfter(_ k: Int, quoteStart: Int) -> Attribution? {
        var k = k
        guard k < tokens.count else { return nil }
        if isPunctuation(k, ",") { k += 1 }
        var end = k
        while end < tokens.count && end - k < 14 && !ends(end) && !isQuoteMark(end) && !tokens[end].flags.contains(.lineStart) { end += 1 }
        guard end > k else { return nil }
        // The verb: first in the phrase (`said X`) or after the subject (`X said`).
        for v in k..<end where Self.verbs.contains(word(v)) {
            if v == k {
                var subjectEnd = v + 1
                while subjectEnd < end && !isPunctuation(subjectEnd, ",") { subjectEnd += 1 }
                return resolve((v + 1)..<subjectEnd, verb: v, quoteStart: quoteStart)
            }
            // `X, the minister, said` / `the mayor, who is white, told`: the subject ends at a comma.
            var subjectEnd = k
            while subjectEnd < v && !isPunctuation(subjectEnd, ",") { subjectEnd += 1 }
            return resolve(k..<subjectEnd, verb: v, quoteStart: quoteStart)
        }
        return nil
    }

    /// `X said: “…` / `According to X, “…` in the sentence before the opening mark.
    func attributionBefore(_ k: Int, quoteStart: Int) -> Attribution? {
        // `Sen. James Risch dismissed the argument: “…”`: the person the sentence opens with.
        if k > 0, isPunctuation(k - 1, ":") {
            var start = k - 1
            while start > 0 && k - start < 40 && !tokens[start].flags.contains(.sentenceStart) { start -= 1 }
            let from = text.scalarOffset(Int(tokens[start].start))
            let to = text.scalarOffset(Int(tokens[k - 1].start))
            if let mention = mentions.first(where: { $0.start >= from && $0.end <= to && entities[$0.entity].type == "PER" }) {
                let entity = entities[mention.entity]
                let verb = (start..<(k - 1)).first { Self.verbs.contains(word($0)) }.map { text.text(tokens[$0].range) }
                return Attribution(speaker: entity.name, type: entity.type, verb: verb)
            }
        }
        var start = k
        while start > 0 && k - start < 25 && !tokens[start].flags.contains(.sentenceStart) && !tokens[start].flags.contains(.lineStart) { start -= 1 }
        guard start < k else { return nil }
        var v = k - 1
        while v >= start {
            let w = word(v)
            if Self.verbs.contains(w) {
                if w == Word.according, v + 1 < k, word(v + 1) == Word.to {
                    var end = v + 2
                    while end < k && !isPunctuation(end, ",") { end += 1 }
                    return resolve((v + 2)..<end, verb: v, quoteStart: quoteStart)
                }
                if w == Word.saying {  // `X disputed the accusation, saying the vote was “…”`: the sentence's subject
                    return resolve(start..<v, verb: v, quoteStart: quoteStart)
                }
                var subjectStart = v
                while subjectStart > start && !isPunctuation(subjectStart - 1, ",") && v - subjectStart < 8 { subjectStart -= 1 }
                return resolve(subjectStart..<v, verb: v, quoteStart: quoteStart)
            }
            v -= 1
        }
        return nil
    }

    /// Resolves the speaker phrase `phrase` (tokens) to an entity or a description.
    func resolve(_ phrase: Range<Int>, verb: Int, quoteStart: Int) -> Attribution? {
        guard !phrase.isEmpty else { return nil }
        let verbText = text.text(tokens[verb].range)
        let bytes = Int(tokens[phrase.lowerBound].start)..<Int(tokens[phrase.upperBound - 1].end)
        let from = text.scalarOffset(bytes.lowerBound)
        let to = text.scalarOffset(bytes.upperBound)
        // A named person inside the phrase, else an organisation; the first one wins.
        var inside: [(start: Int, end: Int, entity: Int, token: Int, quoted: Bool)] = []
        var m = mentionCount(before: from)
        while m < mentions.count && mentions[m].start < to {
            if mentions[m].end <= to { inside.append(mentions[m]) }
            m += 1
        }
        if let mention = inside.first(where: { entities[$0.entity].type == "PER" }) ?? inside.first {
            let entity = entities[mention.entity]
            return Attribution(speaker: entity.name, type: entity.type, role: role(phrase, before: mention.start), verb: verbText)
        }
        let head = word(phrase.lowerBound)
        if phrase.count == 1 && Self.pronouns.contains(head) {
            let gender: FirstNames.Gender = head == Word.she ? .female : .male
            guard let person = lastMention(before: quoteStart, type: "PER", gender: gender) else { return Attribution(verb: verbText) }
            return Attribution(speaker: person.name, type: person.type, verb: verbText)
        }
        if phrase.count == 1 && head == Word.it, let organisation = lastMention(before: quoteStart, type: "ORG") {
            return Attribution(speaker: organisation.name, type: organisation.type, verb: verbText)
        }
        if phrase.count == 1 && Self.groupPronouns.contains(head) { return Attribution(verb: verbText) }
        // A description: `the spokesman`, `a witness`, `officials`.
        guard phrase.count <= 5,
            phrase.contains(where: { Self.roles.contains(word($0)) || Self.organisations.contains(word($0)) })
        else { return nil }
        if head == Word.the, phrase.count >= 2 {
            let noun = word(phrase.upperBound - 1)  // the head of `the activist group`
            if Self.organisations.contains(noun),
                let organisation = named(noun, before: quoteStart) ?? lastMention(before: quoteStart, type: "ORG")
            {
                return Attribution(speaker: organisation.name, type: "ORG", verb: verbText)
            }
            let holder = phrase.dropFirst().lazy.compactMap { roleHolder(word($0), before: quoteStart) }.first
            if let person = holder {
                return Attribution(
                    speaker: person.name, type: person.type,
                    role: text.text(Int(tokens[phrase.lowerBound + 1].start)..<bytes.upperBound), verb: verbText)
            }
        }
        return Attribution(speaker: text.text(bytes), verb: verbText)
    }

    /// The title words before the speaker's name inside the phrase (`Ministry spokesman`).
    func role(_ phrase: Range<Int>, before mentionStart: Int) -> String? {
        var first = phrase.lowerBound
        while first < phrase.upperBound && Self.determiners.contains(word(first)) { first += 1 }
        var end = first
        while end < phrase.upperBound && text.scalarOffset(Int(tokens[end].end)) <= mentionStart && !isPunctuation(end, ",") { end += 1 }
        guard end > first, (first..<end).contains(where: { Self.roles.contains(word($0)) }) else { return nil }
        return text.text(Int(tokens[first].start)..<Int(tokens[end - 1].end))
    }

    /// The entity of `type` named last before code point `offset`, outside quotation marks (a name
    /// inside a quote is rarely its speaker).
    func lastMention(before offset: Int, type: String, gender: FirstNames.Gender? = nil) -> Entity? {
        var m = mentionCount(before: offset)
        let stop = max(0, m - Self.lookBack)
        while m > stop {
            m -= 1
            let mention = mentions[m]
            guard entities[mention.entity].type == type, !mention.quoted else { continue }
            // `she said` skips a man's name, `he said` a woman's (when the first name tells).
            if let gender, let known = FirstNames.builtIn.gender(of: entities[mention.entity].name), known != gender { continue }
            return entities[mention.entity]
        }
        return nil
    }

    /// The last entity before `offset` whose name holds the word `noun` (`Chelsea Football Club` for
    /// `the club`), whatever type the tagger gave it.
    func named(_ noun: UInt64, before offset: Int) -> Entity? {
        var m = mentionCount(before: offset)
        let stop = max(0, m - Self.lookBack)
        while m > stop {
            m -= 1
            let mention = mentions[m]
            var end = mention.token
            while end < tokens.count && text.scalarOffset(Int(tokens[end].start)) < mention.end {
                if word(end) == noun { return entities[mention.entity] }
                end += 1
            }
        }
        return nil
    }

    /// The last person before `offset` named with the role word `role` just before the name
    /// (`Mayor James Knowles` for `the mayor`).
    func roleHolder(_ role: UInt64, before offset: Int) -> Entity? {
        guard Self.roles.contains(role) else { return nil }
        var m = mentionCount(before: offset)
        let stop = max(0, m - Self.lookBack)
        while m > stop {
            m -= 1
            let mention = mentions[m]
            let k = mention.token
            guard entities[mention.entity].type == "PER" else {
                // A title the tagger kept inside the name: `Madison Police Chief Mike Koval` (ORG).
                var end = k
                while end < tokens.count && text.scalarOffset(Int(tokens[end].start)) < mention.end { end += 1 }
                if (k..<end).contains(where: { word($0) == role }) { return entities[mention.entity] }
                continue
            }
            var j = k - 1
            // Title words right before the name (`Police Chief Mike Koval`, `Sen. James Risch`).
            while j >= 0 && k - j <= 3 && (tokens[j].flags.contains(.capitalized) || isPunctuation(j, ".")) {
                if word(j) == role { return entities[mention.entity] }
                j -= 1
            }
        }
        return nil
    }

    /// `X said (that) …` and `…, X said.` in sentences without quotation marks.
    func indirectQuotes(outside spans: [QuoteSpans.Span]) -> [Quote] {
        let indirectVerbs = Self.indirectVerbs
        var quotes: [Quote] = []
        var spanIndex = 0
        let according = Word.according
        var first = 0
        for sentence in text.sentences {
            while spanIndex < spans.count && spans[spanIndex].outer.upperBound <= sentence.lowerBound { spanIndex += 1 }
            while first < tokens.count && Int(tokens[first].start) < sentence.lowerBound { first += 1 }
            var end = first
            var candidate = false
            while end < tokens.count && Int(tokens[end].start) < sentence.upperBound {
                if indirectVerbs.contains(keys[end]) || keys[end] == according { candidate = true }
                end += 1
            }
            // Only sentences with a reporting verb or `according` can hold reported speech.
            guard candidate, end - first >= 6 else { continue }
            // Sentences with a direct quote are the direct quote's; short quoted fragments may sit in reported speech.
            var overlapping = spanIndex
            var hasDirect = false
            while overlapping < spans.count && spans[overlapping].outer.lowerBound < sentence.upperBound {
                let inner = spans[overlapping].inner
                var words = 0
                for k in token(atOrAfter: inner.lowerBound)..<token(atOrAfter: inner.upperBound)
                where !tokens[k].flags.contains(.punctuation) {
                    words += 1
                }
                if words >= 4 { hasDirect = true }
                overlapping += 1
            }
            if hasDirect { continue }
            let sentenceStart = text.scalarOffset(sentence.lowerBound)
            var last = end - 1
            if ends(last) { last -= 1 }
            // `According to X, …` and `…, according to X.`
            if word(first) == Word.according, first + 2 < end, word(first + 1) == Word.to {
                var comma = first + 2
                while comma < end && !isPunctuation(comma, ",") && comma - first < 10 { comma += 1 }
                if comma < last - 3, let attribution = resolve((first + 2)..<comma, verb: first, quoteStart: sentenceStart),
                    attribution.type != nil
                {
                    quotes.append(indirect(Int(tokens[comma + 1].start)..<Int(tokens[last].end), attribution))
                    continue
                }
            }
            if let according = ((first + 4)..<max(first + 4, last)).last(where: { word($0) == Word.according }),
                according + 1 < last, word(according + 1) == Word.to, isPunctuation(according - 1, ","),
                let attribution = resolve((according + 2)..<(last + 1), verb: according, quoteStart: sentenceStart),
                attribution.type != nil
            {
                quotes.append(indirect(Int(tokens[first].start)..<Int(tokens[according - 2].end), attribution))
                continue
            }
            // `…, X said.` at the end, possibly followed by when or where (`…, Microsoft said on Monday.`).
            var verbAtEnd = last
            while verbAtEnd > first + 3 && last - verbAtEnd < 4 && Self.trailing.contains(word(verbAtEnd)) { verbAtEnd -= 1 }
            if verbAtEnd > first + 3, indirectVerbs.contains(word(verbAtEnd)) {
                var comma = verbAtEnd - 1
                while comma > first && !isPunctuation(comma, ",") && verbAtEnd - comma < 8 { comma -= 1 }
                if isPunctuation(comma, ","), comma - first >= 4,
                    let attribution = resolve((comma + 1)..<verbAtEnd, verb: verbAtEnd, quoteStart: sentenceStart),
                    attribution.type != nil
                {
                    let clause = Int(tokens[first].start)..<Int(tokens[comma - 1].end)
                    quotes.append(indirect(clause, attribution))
                    continue
                }
            }
            // `X said (that) …`, `X, a group based in Y, said Friday that …`, `He added that …`.
            for v in (first + 1)..<max(first + 1, last - 2) where indirectVerbs.contains(word(v)) {
                let subject = subjectPhrase(before: v, from: first)
                guard !subject.isEmpty, let attribution = resolve(subject, verb: v, quoteStart: sentenceStart),
                    attribution.type != nil
                else { break }
                var clauseStart = v + 1
                if word(v) == Word.told, clauseStart < end { clauseStart += 1 }  // `told reporters`
                // `said in a statement that …`, `said Tuesday that …`.
                if let that = (clauseStart..<min(end, clauseStart + 6)).first(where: { word($0) == Word.that }),
                    !(clauseStart..<that).contains(where: { isPunctuation($0, ",") })
                {
                    clauseStart = that + 1
                } else if clauseStart < end && (word(clauseStart) == Word.on || isPunctuation(clauseStart, ",")) {
                    break
                }
                guard last - clauseStart >= 3 else { break }
                quotes.append(indirect(Int(tokens[clauseStart].start)..<Int(tokens[last].end), attribution))
                break
            }
        }
        return quotes
    }

    /// The subject of the verb at token `verb`: the words before it back to the sentence start, a
    /// comma or a conjunction, skipping an adverb (`also`) and an appositive (`X, a spokesman, said`).
    func subjectPhrase(before verb: Int, from first: Int) -> Range<Int> {
        var end = verb
        while end > first && Self.adverbs.contains(word(end - 1)) { end -= 1 }
        if end > first + 1 && isPunctuation(end - 1, ",") {
            var comma = end - 2
            while comma > first && !isPunctuation(comma, ",") && end - comma < 14 { comma -= 1 }
            guard comma > first && isPunctuation(comma, ",") else { return end..<end }
            end = comma
        }
        var start = end
        while start > first && end - start < 8 && !isPunctuation(start - 1, ",") && !Self.conjunctions.contains(word(start - 1)) {
            start -= 1
        }
        return start..<end
    }

    func indirect(_ bytes: Range<Int>, _ attribution: Attribution) -> Quote {
        Quote(
            kind: .indirect, text: text.text(bytes), start: text.scalarOffset(bytes.lowerBound),
            end: text.scalarOffset(bytes.upperBound), speaker: attribution.speaker, speakerType: attribution.type,
            role: attribution.role, verb: attribution.verb)
    }
}

/// Word keys compared in the hot path, hashed once.
private enum Word {
    static let saying = FeatureHash.lowercased("saying")
    static let she = FeatureHash.lowercased("she")
    static let it = FeatureHash.lowercased("it")
    static let according = FeatureHash.lowercased("according")
    static let on = FeatureHash.lowercased("on")
    static let that = FeatureHash.lowercased("that")
    static let the = FeatureHash.lowercased("the")
    static let to = FeatureHash.lowercased("to")
    static let told = FeatureHash.lowercased("told")
}

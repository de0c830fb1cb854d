/// Readers for annotated NER corpora: CoNLL-style columns and the GMB (Kaggle) CSV.
public enum TrainingCorpus {
    /// Reads CoNLL columns (token first, IOB1/IOB2/BILOU/bare tag last; `-DOCSTART-` separates
    /// documents). Files without document marks are cut into documents of `sentencesPerDocument`.
    ///
    /// - Parameter labels: Maps a tag's type (`PER`, `geo`) to an entity type; `nil` drops it.
    public static func conll(
        _ text: String,
        sentencesPerDocument: Int = 20,
        labels: (Substring) -> EntityType? = { EntityType(label: $0) }
    ) -> [TrainingDocument] {
        var documents: [[(words: [String], spans: [(Int, Int, EntityType)])]] = []
        var document: [(words: [String], spans: [(Int, Int, EntityType)])] = []
        var words: [String] = []
        var rawTags: [Substring] = []
        var sawDocStart = false
        func endSentence() {
            guard !words.isEmpty else { return }
            document.append((words, chunks(rawTags, labels: labels)))
            words = []
            rawTags = []
        }
        func endDocument() {
            endSentence()
            if !document.isEmpty { documents.append(document) }
            document = []
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.hasPrefix("-DOCSTART-") {
                sawDocStart = true
                endDocument()
                continue
            }
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard columns.count >= 2 else {
                endSentence()
                continue
            }
            words.append(String(columns[0]))
            rawTags.append(columns[columns.count - 1])
        }
        endDocument()
        if !sawDocStart {
            let sentences = documents.flatMap { $0 }
            documents = stride(from: 0, to: sentences.count, by: sentencesPerDocument).map {
                Array(sentences[$0..<min($0 + sentencesPerDocument, sentences.count)])
            }
        }
        return documents.map { TrainingDocument(sentences: $0) }
    }

    /// The GMB types as CoNLL types: `per`, `org`, `geo` → LOC, `gpe`/`art`/`eve`/`nat` → MISC; times dropped.
    public static func gmbLabel(_ type: Substring) -> EntityType? {
        switch type.lowercased() {
        case "per": .person
        case "org": .organization
        case "geo": .location
        case "gpe", "art", "eve", "nat": .miscellaneous
        default: nil
        }
    }

    /// Reads the GMB CSV (`Sentence #,Word,POS,Tag`), cut into documents of `sentencesPerDocument`.
    public static func gmb(_ text: String, sentencesPerDocument: Int = 20) -> [TrainingDocument] {
        var conll = ""
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() where n > 0 {
            let fields = splitCSV(line)
            guard fields.count >= 4 else { continue }
            if !fields[0].isEmpty { conll += "\n" }
            let word = String(fields[1].map { $0 == " " ? "_" : $0 })
            conll += "\(word) \(fields[3])\n"
        }
        return Self.conll(conll, sentencesPerDocument: sentencesPerDocument, labels: gmbLabel)
    }

    /// Splits one CSV line (double-quoted fields may hold commas).
    static func splitCSV(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if c == "\"" {
                quoted.toggle()
            } else if c == ",", !quoted {
                fields.append(field)
                field = ""
            } else if c != "\r" {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    /// Entity spans in one sentence's tags, chunked as conlleval does.
    static func chunks(_ tags: [Substring], labels: (Substring) -> EntityType?) -> [(Int, Int, EntityType)] {
        var spans: [(Int, Int, EntityType)] = []
        var start: Int?
        var previousPrefix: Character = "O"
        var previousType: Substring = ""
        func split(_ tag: Substring) -> (Character, Substring) {
            if tag == "O" || tag.isEmpty { return ("O", "") }
            if tag.count > 2, let first = tag.first, "BIES".contains(first), "-_".contains(tag[tag.index(after: tag.startIndex)]) {
                return (first, tag.dropFirst(2))
            }
            return ("I", tag)
        }
        for (i, raw) in (tags + ["O"]).enumerated() {
            let (prefix, type) = split(raw)
            let ends =
                previousPrefix == "E" || previousPrefix == "S"
                || ("BI".contains(previousPrefix) && "BSO".contains(prefix))
                || (previousPrefix != "O" && previousType != type)
            if let s = start, ends {
                if let t = labels(previousType) { spans.append((s, i - 1, t)) }
                start = nil
            }
            let starts =
                prefix == "B" || prefix == "S" || ("ESO".contains(previousPrefix) && "EI".contains(prefix))
                || (prefix != "O" && previousType != type)
            if starts { start = i }
            previousPrefix = prefix
            previousType = type
        }
        return spans
    }
}

/// Exact-match precision, recall and F1 of entity spans, overall and per type (as conlleval counts).
public struct EntityEvaluation: Sendable, CustomStringConvertible {
    /// Per type: true positives, predicted, gold.
    public private(set) var counts: [EntityType: (correct: Int, predicted: Int, gold: Int)] = [:]

    /// Scores `model` on `documents`.
    ///
    /// - Parameter retokenize: Tag the tokens ``Tokenizer`` finds in the text, as the enricher does, and
    ///   score each gold entity by the tokens inside it, rather than tag the gold tokens.
    public init(model: EntityModel, documents: [TrainingDocument], retokenize: Bool = false) {
        let tagger = EntityTagger(model: model)
        var workspace = EntityTagger.Workspace()
        for type in EntityType.allCases { counts[type] = (0, 0, 0) }
        for document in documents {
            var tokens = document.tokens
            if retokenize {
                tokens.removeAll()
                document.text.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
            }
            let predicted = document.text.withUnsafeBufferPointer { text in
                tokens.withUnsafeBufferPointer { tokens in
                    tagger.tag(text, tokens, workspace: &workspace)
                }
            }
            let gold = EntityTag.spans(in: document.tags)
            // Predicted spans as gold-token spans (the tokens whose start lies inside).
            let guessed = EntityTag.spans(in: predicted).compactMap { (first, last, type) -> (Int, Int, EntityType)? in
                let start = tokens[first].start
                let end = tokens[last].end
                guard let a = document.tokens.firstIndex(where: { $0.end > start }),
                    let b = document.tokens.lastIndex(where: { $0.start < end })
                else { return nil }
                return (a, b, type)
            }
            let goldSet = Set(gold.map { Span(first: $0.0, last: $0.1, type: $0.2) })
            for (first, last, type) in guessed {
                counts[type]!.predicted += 1
                if goldSet.contains(Span(first: first, last: last, type: type)) { counts[type]!.correct += 1 }
            }
            for (_, _, type) in gold { counts[type]!.gold += 1 }
        }
    }

    private struct Span: Hashable {
        var first: Int
        var last: Int
        var type: EntityType
    }

    /// Precision, recall and F1 over `types`.
    public func scores(_ types: [EntityType] = EntityType.allCases) -> (precision: Double, recall: Double, f1: Double) {
        var c = 0
        var p = 0
        var g = 0
        for type in types {
            c += counts[type]!.correct
            p += counts[type]!.predicted
            g += counts[type]!.gold
        }
        let precision = p == 0 ? 0 : Double(c) / Double(p)
        let recall = g == 0 ? 0 : Double(c) / Double(g)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }

    public var description: String {
        func f(_ x: Double) -> String { String(Int((x * 10000).rounded())).leftPadded(5) }
        var line = "f1 \(f(scores().f1)) p \(f(scores().precision)) r \(f(scores().recall))"
        for type in EntityType.allCases { line += " \(type.label) \(f(scores([type]).f1))" }
        return line + " (×10⁻⁴)"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

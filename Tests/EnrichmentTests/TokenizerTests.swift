import Enrichment
import Testing

@Suite struct TokenizerTests {
    private func words(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return Tokenizer.tokens(of: text).map { String(decoding: utf8[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        ("The U.S. Air Force flew two A-10 jets.", ["The", "U.S.", "Air", "Force", "flew", "two", "A-10", "jets", "."]),
        ("Mr. Okafor paid $1,900.50 for 12.5 miles.", ["Mr.", "Okafor", "paid", "$", "1,900.50", "for", "12.5", "miles", "."]),
        ("Russia's jets didn't fly.", ["Russia", "'s", "jets", "did", "n't", "fly", "."]),
        ("Russia’s jets didn’t fly.", ["Russia", "’s", "jets", "did", "n’t", "fly", "."]),
        ("AT&T and O'Brien met at 12:30 on 1996-08-22.", ["AT&T", "and", "O'Brien", "met", "at", "12:30", "on", "1996-08-22", "."]),
        ("See https://www.example.com/a?b=1, or mail press@example.org.", ["See", "https://www.example.com/a?b=1", ",", "or", "mail", "press@example.org", "."]),
        ("J. K. Rowling — the author — wrote “Yes.”", ["J.", "K.", "Rowling", "—", "the", "author", "—", "wrote", "“", "Yes", ".", "”"]),
        ("Wait... what?! -- no", ["Wait", "...", "what", "?", "!", "--", "no"]),
        ("São Paulo\u{00A0}and Zürich\u{200B}agreed", ["São", "Paulo", "and", "Zürich", "agreed"]),
    ])
    func tokens(text: String, expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test func flagsMarkSentencesLinesAndCase() {
        let text = "SYRIA TALKS STALL\nKerry met Lavrov. They spoke in Geneva.\n\nThe 2 men left."
        let tokens = Tokenizer.tokens(of: text)
        let utf8 = Array(text.utf8)
        func token(_ word: String) -> Token {
            tokens.first { String(decoding: utf8[$0.range], as: UTF8.self) == word }!
        }
        #expect(token("SYRIA").flags.contains([.sentenceStart, .lineStart, .allCaps, .capitalized, .inCapsLine]))
        #expect(token("TALKS").flags.contains(.inCapsLine))
        #expect(!token("TALKS").flags.contains(.sentenceStart))
        #expect(token("Kerry").flags.contains([.sentenceStart, .lineStart, .capitalized]))
        #expect(!token("Kerry").flags.contains(.inCapsLine))
        #expect(token("They").flags.contains(.sentenceStart))
        #expect(!token("They").flags.contains(.lineStart))
        #expect(token("2").flags.contains(.hasDigit))
        #expect(token(".").flags.contains(.punctuation))
        #expect(!token("spoke").flags.contains(.capitalized))
    }

    @Test func emptyAndSpaceOnly() {
        #expect(Tokenizer.tokens(of: "").isEmpty)
        #expect(Tokenizer.tokens(of: " \n\t\u{00A0} \n").isEmpty)
    }

    @Test func invalidAndControlBytesNeverStall() {
        let bytes: [UInt8] = [0xFF, 0x41, 0xC3, 0x00, 0xE2, 0x80, 0x0A, 0xF0, 0x9F, 0x98, 0x80, 0x42]
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens) }
        #expect(!tokens.isEmpty)
        var end = 0
        for token in tokens {
            #expect(Int(token.start) >= end)
            #expect(token.end > token.start)
            end = Int(token.end)
        }
        #expect(end <= bytes.count)
    }
}

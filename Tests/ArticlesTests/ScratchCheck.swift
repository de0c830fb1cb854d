// THROWAWAY — not committed.
import Testing
import Foundation
import Articles

@Suite struct ScratchCheck {
    @Test func seed() throws {
        guard let text = try? String(contentsOfFile: "/work/shared/data/articles/seed-cnn-aleppo.txt", encoding: .utf8) else { return }
        let a = try RawTextParser().parse(text)
        print("TITLE:", a.title as Any)
        print("HIGHLIGHTS:", a.highlights)
        print("DATELINE:", a.dateline as Any)
        print("AUTHORS:", a.authors, "CONTRIB:", a.contributors)
        for m in a.media { print("MEDIA:", m) }
        for r in a.removed { print("REMOVED:", r.kind, "|", r.text) }
        print("BODY:\n" + a.body)
    }

    @Test func corpus() throws {
        let dir = "/work/shared/data/raw_pages/cs432"
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        var out = ""
        var totalLines = 0, keptLines = 0
        for f in files.sorted() {
            guard let data = FileManager.default.contents(atPath: dir + "/" + f) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            guard let a = try? RawTextParser().parse(text) else { out += "== \(f) FAILED\n"; continue }
            let lines = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
            totalLines += lines
            keptLines += a.body.components(separatedBy: "\n\n").count
            out += "== \(f) title=\(a.title ?? "-") dl=\(a.dateline?.text ?? "-") contrib=\(a.contributors) authors=\(a.authors)\n"
            for r in a.removed where r.kind != "duplicate" && r.kind != "navigation" { out += "  - \(r.kind): \(r.text.prefix(140))\n" }
        }
        out += "lines \(totalLines) kept \(keptLines)\n"
        try out.write(toFile: "/tmp/cs432-report.txt", atomically: true, encoding: .utf8)
    }
}

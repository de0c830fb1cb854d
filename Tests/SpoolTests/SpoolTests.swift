import Foundation
import Synchronization
import Testing

@testable import Spool

@Suite("Spool")
struct SpoolTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func configuration(
        maxBytes: Int = 1 << 20, releaseDelay: Duration = .zero, file: String = "spool.db"
    ) -> Spool.Configuration {
        Spool.Configuration(
            path: directory.appendingPathComponent(file).path, maxBytes: maxBytes, durability: .process,
            releaseDelay: releaseDelay)
    }

    func allPending(_ spool: Spool) async throws -> [Spool.Entry] {
        var entries: [Spool.Entry] = []
        var after: Int64 = 0
        while true {
            let batch = try await spool.pending(after: after, limit: 2)
            guard let last = batch.last else { return entries }
            entries += batch
            after = last.ticket.sequence
        }
    }

    @Test("unreleased messages come back after reopening, in order, frames intact")
    func replayAfterReopen() async throws {
        let spool = try await Spool.open(configuration())
        let messages: [[[UInt8]]] = [[Array("a".utf8)], [Array("topic".utf8), []], [[0, 0xff, 0], Array("c".utf8)]]
        var tickets: [Spool.Ticket] = []
        for message in messages { tickets.append(try await spool.append(message)) }
        #expect(tickets.map(\.sequence) == tickets.map(\.sequence).sorted())
        spool.release(tickets[0])
        await spool.close(releaseAll: false)

        let reopened = try await Spool.open(configuration())
        #expect(reopened.backlog == 2)
        let entries = try await allPending(reopened)
        #expect(entries.map(\.frames) == Array(messages[1...]))
        #expect(entries.map(\.ticket) == Array(tickets[1...]))
        await reopened.close(releaseAll: true)
    }

    @Test("a release inside its delay survives a close without releaseAll and is applied with it")
    func releaseDelay() async throws {
        let spool = try await Spool.open(configuration(releaseDelay: .seconds(30)))
        spool.release(try await spool.append([Array("x".utf8)]))
        await spool.close(releaseAll: false)

        let kept = try await Spool.open(configuration(releaseDelay: .seconds(30)))
        let entries = try await allPending(kept)
        #expect(entries.count == 1)
        kept.release(entries[0].ticket)
        await kept.close(releaseAll: true)

        let empty = try await Spool.open(configuration())
        #expect(empty.backlog == 0)
        #expect(try await allPending(empty).isEmpty)
        await empty.close(releaseAll: true)
    }

    @Test("a second spool on the same file is refused as locked")
    func exclusive() async throws {
        let spool = try await Spool.open(configuration())
        await #expect {
            _ = try await Spool.open(configuration())
        } throws: { error in
            (error as? SpoolError)?.code == .locked
        }
        await spool.close(releaseAll: true)
        let again = try await Spool.open(configuration())
        await again.close(releaseAll: true)
    }

    @Test("a path in a missing directory fails to open")
    func missingDirectory() async {
        await #expect {
            _ = try await Spool.open(configuration(file: "missing/spool.db"))
        } throws: { error in
            (error as? SpoolError)?.code == .openFailed
        }
    }

    @Test("a full journal holds appends back until a release frees space")
    func capacity() async throws {
        let spool = try await Spool.open(configuration(maxBytes: 100))
        let first = try await spool.append([Array(repeating: 1, count: 90)])
        let second = Task { try await spool.append([Array(repeating: 2, count: 90)]) }
        try await Task.sleep(for: .milliseconds(200))
        #expect(spool.pendingCount.messages == 1)
        spool.release(first)
        let ticket = try await second.value
        #expect(ticket.sequence > first.sequence)
        #expect(spool.pendingCount.messages == 1)
        await spool.close(releaseAll: true)
    }

    @Test("concurrent appends share commits and get distinct sequences")
    func groupCommit() async throws {
        let commits = Atomic<Int>(0)
        let spool = try await Spool.open(configuration()) { event in
            if case .committed(let appended, _, _, _, _) = event, appended > 0 { commits.add(1, ordering: .relaxed) }
        }
        let tickets = try await withThrowingTaskGroup(of: Spool.Ticket.self) { group in
            for index in 0..<200 { group.addTask { try await spool.append([Array("\(index)".utf8)]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(tickets.map(\.sequence)).count == 200)
        #expect(commits.load(ordering: .relaxed) < 200)
        #expect(spool.pendingCount.messages == 200)
        await spool.close(releaseAll: true)
        await #expect(throws: SpoolError.self) { _ = try await spool.append([[1]]) }
    }

    @Test("record encoding round-trips and rejects truncated records")
    func recordEncoding() {
        let frames: [[UInt8]] = [[], Array(repeating: 7, count: 300), [1]]
        let encoded = SpoolRecord.encode(frames)
        #expect(SpoolRecord.decode(encoded) == frames)
        #expect(SpoolRecord.decode(Array(encoded.dropLast())) == nil)
        #expect(SpoolRecord.decode([]) == nil)
    }
}

import Dispatch
import Foundation
import Synchronization

/// A durable journal of received messages in SQLite (WAL mode), written by a thread of its own.
///
/// ``append(_:)`` returns once the message is committed; appends that arrive while a commit runs are
/// stored together in the next transaction (group commit), so the cost of a commit is shared. A message
/// is ``release(_:)``d once its result has been sent and deleted by a later commit, after
/// ``Configuration/releaseDelay``. After a crash, ``pending(after:limit:)`` hands out what was never
/// released, in arrival order. The database is opened in exclusive locking mode: a second process
/// opening the same file fails with ``SpoolError/Code/locked``.
///
/// The spool knows nothing of sockets or articles: a message is its frames.
public final class Spool: Sendable {
    private struct Append {
        let record: [UInt8]
        let continuation: CheckedContinuation<Ticket, any Error>
    }

    private struct Read {
        let after: Int64
        let limit: Int
        let continuation: CheckedContinuation<[Entry], any Error>
    }

    private struct State {
        var appends: [Append] = []
        var reads: [Read] = []
        var releases: [(ticket: Ticket, due: ContinuousClock.Instant)] = []
        var closing: (releaseAll: Bool, continuation: CheckedContinuation<Void, Never>)?
        var closed = false
        var pendingMessages = 0
        var pendingBytes = 0
    }

    /// The configuration the spool was opened with.
    public let configuration: Configuration
    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let observer: @Sendable (Event) -> Void
    /// Records found in the journal when it was opened (left by a previous run).
    public let backlog: Int

    private init(
        configuration: Configuration, pending: (messages: Int, bytes: Int),
        observer: @escaping @Sendable (Event) -> Void
    ) {
        self.configuration = configuration
        self.observer = observer
        self.backlog = pending.messages
        state.withLock {
            $0.pendingMessages = pending.messages
            $0.pendingBytes = pending.bytes
        }
    }

    /// Opens or creates the journal and starts its thread.
    ///
    /// - Throws: ``SpoolError`` `.openFailed` for a path that cannot hold a database, `.locked` if
    ///   another process uses it.
    public static func open(
        _ configuration: Configuration, observer: @escaping @Sendable (Event) -> Void = { _ in }
    ) async throws(SpoolError) -> Spool {
        let opened: Result<Spool, SpoolError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do throws(SpoolError) {
                    let journal = try Journal(configuration: configuration)
                    let spool = Spool(configuration: configuration, pending: try journal.count(), observer: observer)
                    continuation.resume(returning: .success(spool))
                    spool.serve(journal)
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try opened.get()
    }

    /// Stores `frames` durably; returns once committed.
    ///
    /// Waits while the journal holds ``Configuration/maxBytes`` of pending records (a record larger
    /// than that is taken when the journal is empty).
    public func append(_ frames: [[UInt8]]) async throws(SpoolError) -> Ticket {
        let record = SpoolRecord.encode(frames)
        return try await submit("append", whileClosing: false) {
            $0.appends.append(Append(record: record, continuation: $1))
        }
    }

    /// Marks a record's message as finished; it leaves the journal after ``Configuration/releaseDelay``.
    public func release(_ ticket: Ticket) {
        let due = ContinuousClock.now + configuration.releaseDelay
        state.withLock { $0.releases.append((ticket, due)) }
        if configuration.releaseDelay == .zero { wakeup.signal() }
    }

    /// Up to `limit` unreleased records with a sequence above `after`, oldest first.
    public func pending(after: Int64, limit: Int) async throws(SpoolError) -> [Entry] {
        try await submit("read", whileClosing: true) {
            $0.reads.append(Read(after: after, limit: limit, continuation: $1))
        }
    }

    /// Queues work for the spool thread and waits for its result; once closed (or, unless `whileClosing`,
    /// once closing started) it fails with ``SpoolError/Code/closed``.
    private func submit<T: Sendable>(
        _ operation: String, whileClosing: Bool,
        _ queue: (inout State, CheckedContinuation<T, any Error>) -> Void
    ) async throws(SpoolError) -> T {
        do {
            return try await withCheckedThrowingContinuation { continuation in
                let accepted = state.withLock { state in
                    guard !state.closed, whileClosing || state.closing == nil else { return false }
                    queue(&state, continuation)
                    return true
                }
                if accepted {
                    wakeup.signal()
                } else {
                    continuation.resume(throwing: SpoolError(code: .closed, operation: operation, reason: "closed"))
                }
            }
        } catch let error as SpoolError {
            throw error
        } catch {
            throw SpoolError(code: .storage, operation: operation, reason: "\(error)")
        }
    }

    /// Records stored and not yet deleted, and their bytes.
    public var pendingCount: (messages: Int, bytes: Int) {
        state.withLock { ($0.pendingMessages, $0.pendingBytes) }
    }

    /// Commits outstanding work and closes the database.
    ///
    /// - Parameter releaseAll: Whether releases still inside their delay are applied too; pass `true`
    ///   only when the output is known to be flushed, otherwise those records are replayed next start.
    public func close(releaseAll: Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let first = state.withLock { state in
                guard !state.closed, state.closing == nil else { return false }
                state.closing = (releaseAll, continuation)
                return true
            }
            if first { wakeup.signal() } else { continuation.resume() }
        }
    }

    /// The spool thread: group commits until closed.
    private func serve(_ journal: Journal) {
        while true {
            let now = ContinuousClock.now
            let (reads, appends, releases, closing, nextDue) = state.withLock { state in
                let reads = state.reads
                state.reads = []
                var taken = 0
                var reserved = 0
                for next in state.appends {
                    let used = state.pendingBytes + reserved
                    guard used == 0 || used + next.record.count <= configuration.maxBytes else { break }
                    reserved += next.record.count
                    taken += 1
                }
                let appends = Array(state.appends.prefix(taken))
                state.appends.removeFirst(taken)
                state.pendingBytes += reserved
                state.pendingMessages += appends.count
                let releaseAll = state.closing?.releaseAll ?? false
                let dueCount =
                    releaseAll ? state.releases.count : state.releases.prefix { $0.due <= now }.count
                let releases = state.releases.prefix(dueCount).map(\.ticket)
                state.releases.removeFirst(dueCount)
                let closing = state.appends.isEmpty ? state.closing : nil
                return (reads, appends, releases, closing, state.releases.first?.due)
            }
            for read in reads {
                do throws(SpoolError) {
                    read.continuation.resume(returning: try journal.read(after: read.after, limit: read.limit))
                } catch {
                    observer(.failed(error))
                    read.continuation.resume(throwing: error)
                }
            }
            if !appends.isEmpty || !releases.isEmpty {
                commit(appends, releases, journal)
            }
            if let closing {
                journal.close()
                let (reads, appends) = state.withLock { state in
                    state.closed = true
                    defer {
                        state.reads = []
                        state.appends = []
                    }
                    return (state.reads, state.appends)
                }
                let error = SpoolError(code: .closed, operation: "close", reason: "closed")
                for read in reads { read.continuation.resume(throwing: error) }
                for append in appends { append.continuation.resume(throwing: error) }
                closing.continuation.resume()
                return
            }
            if reads.isEmpty && appends.isEmpty && releases.isEmpty {
                let wait = nextDue.map { max(.milliseconds(1), $0 - .now) } ?? .seconds(1)
                let (seconds, attoseconds) = wait.components
                _ = wakeup.wait(
                    timeout: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)))
            }
        }
    }

    private func commit(_ appends: [Append], _ releases: [Ticket], _ journal: Journal) {
        let started = ContinuousClock.now
        do throws(SpoolError) {
            let sequences = try journal.commit(inserting: appends.map(\.record), deleting: releases.map(\.sequence))
            let releasedBytes = releases.reduce(0) { $0 + $1.bytes }
            let pending = state.withLock { state in
                state.pendingMessages -= releases.count
                state.pendingBytes -= releasedBytes
                return (state.pendingMessages, state.pendingBytes)
            }
            observer(
                .committed(
                    appended: appends.count, released: releases.count, duration: .now - started,
                    pendingMessages: pending.0, pendingBytes: pending.1))
            for (append, sequence) in zip(appends, sequences) {
                append.continuation.resume(returning: Ticket(sequence: sequence, bytes: append.record.count))
            }
        } catch {
            // Nothing of the transaction was stored: refuse the appends, keep the releases for the next try.
            let reservedBytes = appends.reduce(0) { $0 + $1.record.count }
            let retryAt = ContinuousClock.now + .milliseconds(100)
            state.withLock { state in
                state.pendingMessages -= appends.count
                state.pendingBytes -= reservedBytes
                state.releases.insert(contentsOf: releases.map { ($0, retryAt) }, at: 0)
            }
            observer(.failed(error))
            for append in appends { append.continuation.resume(throwing: error) }
        }
    }
}

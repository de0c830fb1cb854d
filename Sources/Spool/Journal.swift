/// The spool's SQLite schema and statements; used by the spool thread only.
final class Journal {
    private let database: SQLiteDatabase
    private let insert: SQLiteDatabase.Statement
    private let delete: SQLiteDatabase.Statement
    private let select: SQLiteDatabase.Statement
    private let begin: SQLiteDatabase.Statement
    private let end: SQLiteDatabase.Statement

    init(configuration: Spool.Configuration) throws(SpoolError) {
        database = try SQLiteDatabase(path: configuration.path)
        let synchronous = configuration.durability == .host ? "FULL" : "NORMAL"
        do {
            // Exclusive locking keeps the WAL index in memory and holds the lock from the first write
            // until close, so a second process fails here instead of replaying this one's messages.
            try database.execute(
                """
                PRAGMA page_size=8192;
                PRAGMA locking_mode=EXCLUSIVE;
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=\(synchronous);
                PRAGMA journal_size_limit=67108864;
                PRAGMA wal_autocheckpoint=4096;
                BEGIN IMMEDIATE;
                CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, frames BLOB NOT NULL);
                COMMIT;
                """, operation: "open(\(configuration.path))")
        } catch let error where error.code == .locked {
            throw SpoolError(
                code: .locked, operation: "open(\(configuration.path))", result: error.result,
                reason: "the journal is in use by another process; give each worker its own spool.path")
        } catch let error where error.code == .storage {
            throw SpoolError(
                code: .openFailed, operation: "open(\(configuration.path))", result: error.result,
                reason: error.reason)
        }
        insert = try database.prepare("INSERT INTO messages (frames) VALUES (?) RETURNING seq")
        delete = try database.prepare("DELETE FROM messages WHERE seq = ?")
        select = try database.prepare("SELECT seq, frames FROM messages WHERE seq > ? ORDER BY seq LIMIT ?")
        begin = try database.prepare("BEGIN IMMEDIATE")
        end = try database.prepare("COMMIT")
    }

    /// Finalizes the statements and closes the connection, which releases the file lock.
    func close() {
        for statement in [insert, delete, select, begin, end] { statement.finalize() }
        database.close()
    }

    /// Stored records and their bytes.
    func count() throws(SpoolError) -> (messages: Int, bytes: Int) {
        let statement = try database.prepare("SELECT count(*), coalesce(sum(length(frames)), 0) FROM messages")
        var result = (messages: 0, bytes: 0)
        try statement.run([], operation: "count") { row in
            result = (Int(row.integer(0)), Int(row.integer(1)))
        }
        return result
    }

    /// Inserts and deletes in one transaction; returns the new records' sequences in order.
    func commit(inserting records: [[UInt8]], deleting sequences: [Int64]) throws(SpoolError) -> [Int64] {
        var inserted: [Int64] = []
        inserted.reserveCapacity(records.count)
        try begin.run([], operation: "begin")
        do throws(SpoolError) {
            for record in records {
                try insert.run([.blob(record)], operation: "insert") { row in inserted.append(row.integer(0)) }
            }
            for sequence in sequences { try delete.run([.integer(sequence)], operation: "delete") }
            try end.run([], operation: "commit")
        } catch {
            try? database.execute("ROLLBACK", operation: "rollback")
            throw error
        }
        return inserted
    }

    /// Up to `limit` records after `after`, oldest first; an undecodable record is an error.
    func read(after: Int64, limit: Int) throws(SpoolError) -> [Spool.Entry] {
        var entries: [Spool.Entry] = []
        try select.run([.integer(after), .integer(Int64(limit))], operation: "read") { row throws(SpoolError) in
            let sequence = row.integer(0)
            let record = row.blob(1)
            guard let frames = SpoolRecord.decode(record) else {
                throw SpoolError(code: .corrupt, operation: "read", reason: "record \(sequence) cannot be decoded")
            }
            entries.append(Spool.Entry(ticket: Spool.Ticket(sequence: sequence, bytes: record.count), frames: frames))
        }
        return entries
    }
}

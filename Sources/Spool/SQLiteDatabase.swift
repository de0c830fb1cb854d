internal import CSQLite

/// One SQLite connection, used from the spool thread only.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// Opens (creating if needed) the database at `path`.
    init(path: String) throws(SpoolError) {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            handle = nil
            throw SpoolError(code: .openFailed, operation: "open(\(path))", result: result, reason: reason)
        }
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { close() }

    /// Closes the connection; later calls fail with `SQLITE_MISUSE`.
    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String, operation: String) throws(SpoolError) {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard result == SQLITE_OK else {
            throw error(result, operation: operation, message: message.map { String(cString: $0) })
        }
    }

    /// Compiles `sql` once for repeated use.
    func prepare(_ sql: String) throws(SpoolError) -> Statement {
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard result == SQLITE_OK, let statement else { throw error(result, operation: "prepare") }
        return Statement(statement: statement, database: self)
    }

    /// The error for `result`, with SQLite's message; busy and locked results get ``SpoolError/Code/locked``.
    func error(_ result: Int32, operation: String, message: String? = nil) -> SpoolError {
        let primary = result & 0xff
        let code: SpoolError.Code = primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? .locked : .storage
        let reason = message ?? handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed"
        return SpoolError(code: code, operation: operation, result: result, reason: reason)
    }

    /// A prepared statement; reset after every use.
    final class Statement {
        private var statement: OpaquePointer?
        private unowned let database: SQLiteDatabase

        init(statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { finalize() }

        /// Frees the statement; a connection closes only once all its statements are finalized.
        func finalize() {
            sqlite3_finalize(statement)
            statement = nil
        }

        /// Binds `values` (Int64 or byte arrays) to the parameters in order, steps once per row and
        /// calls `row` for each; returns after `SQLITE_DONE`.
        func run(
            _ values: [Value], operation: String, row: (Row) throws(SpoolError) -> Void = { _ in }
        ) throws(SpoolError) {
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            for (index, value) in values.enumerated() {
                let position = Int32(index + 1)
                let result: Int32
                switch value {
                case .integer(let number): result = sqlite3_bind_int64(statement, position, number)
                case .blob(let bytes):
                    // SQLITE_TRANSIENT (-1) copies the bytes, so the array need not outlive the call.
                    let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
                    result = bytes.withUnsafeBytes { buffer in
                        sqlite3_bind_blob64(
                            statement, position, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                            UInt64(buffer.count), transient)
                    }
                }
                guard result == SQLITE_OK else { throw database.error(result, operation: operation) }
            }
            while true {
                let result = sqlite3_step(statement)
                if result == SQLITE_DONE { return }
                guard result == SQLITE_ROW else { throw database.error(result, operation: operation) }
                try row(Row(statement: statement!))
            }
        }
    }

    /// A parameter value.
    enum Value {
        case integer(Int64)
        case blob([UInt8])
    }

    /// The current result row of a statement; valid only inside the `row` callback.
    struct Row {
        let statement: OpaquePointer

        func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

        func blob(_ column: Int32) -> [UInt8] {
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return [] }
            return Array(UnsafeRawBufferPointer(start: bytes, count: count))
        }
    }
}

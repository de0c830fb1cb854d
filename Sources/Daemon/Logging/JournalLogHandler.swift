import Foundation
public import Logging

/// A log handler writing one line per event to standard error, in a form journald understands.
///
/// Text lines start with the syslog level prefix (`<3>` error … `<7>` debug) that journald turns
/// into the entry's priority; metadata follows as `key=value`. The JSON format writes one object
/// per line with `level`, `ts`, `label`, `msg` and the metadata keys.
public struct JournalLogHandler: LogHandler {
    /// Output line format.
    public enum Format: String, Sendable { case text, json }

    /// The handler's metadata.
    public var metadata: Logger.Metadata = [:]
    /// The minimum level written.
    public var logLevel: Logger.Level
    private let label: String
    private let format: Format

    /// Creates a handler for `label`.
    public init(label: String, level: Logger.Level, format: Format) {
        self.label = label
        self.logLevel = level
        self.format = format
    }

    /// Metadata lookup by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one event.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        var line: String
        switch format {
        case .text:
            line = "<\(Self.priority(event.level))>\(event.level) \(label): \(event.message)"
            for key in merged.keys.sorted() {
                line += " \(key)=\(merged[key]!)"
            }
        case .json:
            var object: [String: String] = ["level": "\(event.level)", "label": label, "msg": "\(event.message)"]
            object["ts"] = Date().formatted(.iso8601)
            for (key, value) in merged { object[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        line += "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// syslog priority of a swift-log level.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}

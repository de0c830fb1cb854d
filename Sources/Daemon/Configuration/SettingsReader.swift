public import Configuration
import Synchronization

/// Typed access to configuration keys that records out-of-range values instead of failing one at a time.
///
/// Every key read here must be in ``ConfigurationKey/all``: its default lives there.
public final class SettingsReader: Sendable {
    private let reader: ConfigReader
    private let collected = Mutex<[String]>([])
    private let read = Mutex<[String: String]>([:])

    /// Wraps a reader whose lowest-precedence provider holds the defaults.
    public init(reader: ConfigReader) {
        self.reader = reader
    }

    /// Problems found while reading, one line each naming the key.
    public var problems: [String] { collected.withLock { $0 } }

    /// Every key read so far with its effective value, in documentation order.
    public var readValues: [(key: String, value: String)] {
        let values = read.withLock { $0 }
        return ConfigurationKey.all.compactMap { key in values[key.name].map { (key.name, $0) } }
    }

    private func record(_ name: String, _ value: String) {
        read.withLock { $0[name] = value }
    }

    func problem(_ key: String, _ text: String) {
        collected.withLock { $0.append("\(key): \(text)") }
    }

    private func key(_ name: String) -> ConfigKey {
        precondition(ConfigurationKey.named(name) != nil, "undocumented configuration key \(name)")
        return ConfigKey(name)
    }

    /// A string value.
    public func string(_ name: String) -> String {
        let value = reader.string(forKey: key(name)) ?? ""
        record(name, "\"\(value)\"")
        return value
    }

    /// A string that must be one of `choices`.
    public func choice(_ name: String, _ choices: [String]) -> String {
        let value = string(name)
        if !choices.contains(value) {
            problem(name, "\"\(value)\" is not one of \(choices.joined(separator: ", "))")
        }
        return value
    }

    /// An integer within `range`.
    public func int(_ name: String, in range: ClosedRange<Int> = Int.min...Int.max) -> Int {
        let value = reader.int(forKey: key(name)) ?? 0
        record(name, String(value))
        if !range.contains(value) {
            problem(name, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A duration given in milliseconds within `range`.
    public func milliseconds(_ name: String, in range: ClosedRange<Int> = 0...86_400_000) -> Duration {
        .milliseconds(int(name, in: range))
    }

    /// A Boolean value.
    public func bool(_ name: String) -> Bool {
        let value = reader.bool(forKey: key(name)) ?? false
        record(name, String(value))
        return value
    }

    /// A list of strings.
    public func strings(_ name: String) -> [String] {
        let value = reader.stringArray(forKey: key(name)) ?? []
        record(name, "[" + value.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        return value
    }
}

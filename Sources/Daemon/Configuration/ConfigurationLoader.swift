import Configuration
import Foundation
import Synchronization
import SystemPackage
import Yams

/// Builds the daemon's ``ConfigReader`` from its sources and rejects unknown keys.
///
/// Precedence, highest first: command-line flags (`--input-endpoints tcp://...`), `ENRICHD_*`
/// environment variables, the YAML file, the defaults in ``ConfigurationKey/all``.
public struct ConfigurationLoader: Sendable {
    /// The YAML file, if any.
    public var filePath: String?
    /// Forwarded command-line flags such as `--http-port 0`.
    public var arguments: [String]
    /// The environment to read `ENRICHD_*` variables from.
    public var environment: [String: String]

    /// Creates a loader.
    public init(filePath: String?, arguments: [String] = [], environment: [String: String]? = nil) {
        self.filePath = filePath
        self.arguments = arguments
        self.environment = environment ?? ProcessInfo.processInfo.environment
    }

    /// Reads, validates and returns the effective configuration.
    ///
    /// - Throws: ``ConfigurationError`` naming every unknown key and every invalid value.
    public func load() async throws -> DaemonConfiguration {
        var problems = unknownKeys()
        let reporter = ConversionProblemReporter()
        var providers: [any ConfigProvider] = []
        providers.append(CommandLineArgumentsProvider(arguments: ["enrichd"] + arguments))
        providers.append(EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "enrichd"))
        if let filePath {
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(filePath)))
            } catch {
                throw ConfigurationError(code: .unreadableFile, problems: ["\(filePath): \(error)"])
            }
        }
        providers.append(InMemoryProvider(name: "defaults", values: Self.defaults))
        let reader = ConfigReader(providers: providers, accessReporter: reporter)
        let settings = SettingsReader(reader: reader)
        let configuration = DaemonConfiguration(settings: settings)
        problems += reporter.problems + settings.problems + configuration.crossFieldProblems()
        if !problems.isEmpty {
            throw ConfigurationError(code: .invalid, problems: problems)
        }
        return configuration
    }

    static let defaults: [AbsoluteConfigKey: ConfigValue] = {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for key in ConfigurationKey.all {
            let raw = key.defaultValue
            let content: ConfigContent
            switch key.kind {
            case .string: content = .string(raw.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            case .int: content = .int(Int(raw) ?? 0)
            case .double: content = .double(Double(raw) ?? 0)
            case .bool: content = .bool(raw == "true")
            case .stringArray:
                let inner = raw.dropFirst().dropLast()
                content = .stringArray(
                    inner.isEmpty ? [] : inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            values[AbsoluteConfigKey(key.name.split(separator: ".").map(String.init))] = ConfigValue(
                content, isSecret: false)
        }
        return values
    }()

    /// Keys present in any source that the daemon does not know.
    func unknownKeys() -> [String] {
        var problems: [String] = []
        let names = Set(ConfigurationKey.all.map(\.name))
        let environmentNames = Set(ConfigurationKey.all.map(\.environmentName))
        let flags = Set(ConfigurationKey.all.map(\.flagName))
        for name in environment.keys.sorted() where name.hasPrefix("ENRICHD_") && !environmentNames.contains(name) {
            problems.append("unknown environment variable \(name)")
        }
        for argument in arguments where argument.hasPrefix("--") {
            let flag = String(argument.split(separator: "=", maxSplits: 1)[0])
            if !flags.contains(flag) { problems.append("unknown option \(flag)") }
        }
        guard let filePath else { return problems }
        guard let text = try? String(contentsOfFile: filePath, encoding: .utf8) else {
            return problems + ["\(filePath): cannot be read"]
        }
        do {
            let node = try Yams.compose(yaml: text)
            Self.collectKeys(node, prefix: "", into: &problems, known: names, file: filePath)
        } catch {
            problems.append("\(filePath): not valid YAML: \(error)")
        }
        return problems
    }

    private static func collectKeys(
        _ node: Node?, prefix: String, into problems: inout [String], known: Set<String>, file: String
    ) {
        guard let mapping = node?.mapping else {
            if prefix.isEmpty, node != nil, node?.scalar?.string.isEmpty == false {
                problems.append("\(file): the top level must be a mapping")
            }
            return
        }
        for (key, value) in mapping {
            let name = prefix.isEmpty ? key.string ?? "" : prefix + "." + (key.string ?? "")
            if known.contains(name) { continue }
            if value.mapping != nil, known.contains(where: { $0.hasPrefix(name + ".") }) {
                collectKeys(value, prefix: name, into: &problems, known: known, file: file)
            } else {
                let line = key.mark.map { ":\($0.line)" } ?? ""
                problems.append("\(file)\(line): unknown key \(name)")
            }
        }
    }
}

/// Collects values that were present but could not be converted to the requested type.
final class ConversionProblemReporter: AccessReporter, Sendable {
    private let collected = Mutex<[String]>([])

    var problems: [String] { collected.withLock { $0 } }

    func report(_ event: AccessEvent) {
        var lines: [String] = []
        if let error = event.conversionError {
            lines.append("\(event.metadata.key): expected \(event.metadata.valueType): \(error)")
        }
        for result in event.providerResults {
            if case .failure(let error) = result.result {
                lines.append("\(event.metadata.key) (\(result.providerName)): \(error)")
            }
        }
        if !lines.isEmpty { collected.withLock { $0 += lines } }
    }
}

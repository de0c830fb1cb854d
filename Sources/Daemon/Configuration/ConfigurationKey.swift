/// One documented configuration key: its dotted name, value kind, default and meaning.
///
/// The table in ``ConfigurationKey/all`` is the single source of truth: it drives validation of
/// unknown keys (YAML, `ENRICHD_*` environment variables, CLI flags), `enrichd check-config` and
/// the reference file `config/enrichd.yaml`.
public struct ConfigurationKey: Sendable, Hashable {
    /// The kind of value a key holds.
    public enum Kind: String, Sendable {
        case string, int, double, bool, stringArray = "string list"
    }

    /// The dotted key, e.g. `input.endpoints`.
    public var name: String
    /// The value kind.
    public var kind: Kind
    /// The default, as it would be written in YAML.
    public var defaultValue: String
    /// What the key controls.
    public var summary: String

    init(_ name: String, _ kind: Kind, _ defaultValue: String, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// The environment variable that overrides this key (`input.highWaterMark` → `ENRICHD_INPUT_HIGH_WATER_MARK`).
    public var environmentName: String {
        var out = "ENRICHD_"
        var previousLower = false
        for scalar in name.unicodeScalars {
            if scalar == "." {
                out += "_"
                previousLower = false
            } else if scalar.properties.isUppercase {
                if previousLower { out += "_" }
                out.unicodeScalars.append(scalar)
                previousLower = false
            } else {
                out += String(scalar).uppercased()
                previousLower = scalar.properties.isLowercase
            }
        }
        return out
    }

    /// The command-line flag that overrides this key (`input.highWaterMark` → `--input-high-water-mark`).
    public var flagName: String {
        var out = "--"
        var previousLower = false
        for scalar in name.unicodeScalars {
            if scalar == "." {
                out += "-"
                previousLower = false
            } else if scalar.properties.isUppercase {
                if previousLower { out += "-" }
                out += String(scalar).lowercased()
                previousLower = false
            } else {
                out.unicodeScalars.append(scalar)
                previousLower = scalar.properties.isLowercase
            }
        }
        return out
    }
}

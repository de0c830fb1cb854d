import Foundation
public import ZeroMQ

/// The directory of client public keys (`*.pub`) that CURVE server sockets admit.
public struct ClientKeyDirectory: Sendable {
    /// The directory path.
    public var path: String

    /// Names the directory; nothing is read until ``load()``.
    public init(path: String) {
        self.path = path
    }

    /// Reads every `*.pub` file of the directory (not recursively).
    ///
    /// - Returns: The keys, and the file names they came from (sorted) for logs.
    /// - Throws: ``CurveKeyFile/Failure`` for an unreadable directory or any invalid key file: a list that
    ///   cannot be read completely is never half applied.
    public func load() throws(CurveKeyFile.Failure) -> (keys: Set<CurveKey>, files: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw CurveKeyFile.Failure(path: path, reason: "client key directory cannot be read")
        }
        var keys = Set<CurveKey>()
        let files = names.filter { $0.hasSuffix(".pub") }.sorted()
        for name in files {
            keys.insert(try CurveKeyFile.readPublic(path + "/" + name))
        }
        return (keys, files)
    }
}

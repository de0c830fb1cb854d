import Foundation
public import ZeroMQ

/// CURVE key files as `enrichd keygen` writes them: comment lines (`# ...`) and one 40-character Z85 key
/// (Z85 has `#` but no space, so a key line never looks like a comment).
///
/// `NAME.key` holds the secret key and must be readable by its owner only (mode 0600 or 0400);
/// `NAME.pub` holds the public key and may be shared. Errors name the file, never the key.
public enum CurveKeyFile {
    /// A key file that cannot be used.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The file.
        public var path: String
        /// What is wrong with it.
        public var reason: String
        /// `PATH: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads a public key file.
    ///
    /// - Throws: ``Failure`` if the file is unreadable or holds no valid key.
    public static func readPublic(_ path: String) throws(Failure) -> CurveKey {
        try read(path)
    }

    /// Reads a secret key file and derives its key pair; refuses files that group or others can read.
    ///
    /// - Throws: ``Failure`` if the file is unreadable, too open, or holds no valid key.
    public static func readSecret(_ path: String) throws(Failure) -> CurveKeyPair {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure(path: path, reason: "cannot be read") }
        if info.st_mode & 0o077 != 0 {
            throw Failure(
                path: path,
                reason:
                    "secret key file is accessible by group or others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it"
            )
        }
        let secret = try read(path)
        do {
            return try CurveKeyPair(secretKey: secret)
        } catch {
            throw Failure(path: path, reason: "libzmq cannot derive the public key (\(error.code))")
        }
    }

    /// Writes `NAME.key` (the secret key, mode 0600, created exclusively) and `NAME.pub` (mode 0644) in
    /// `directory`.
    ///
    /// - Returns: The two paths.
    /// - Throws: ``Failure`` if a file exists (unless `overwrite`) or cannot be written.
    public static func write(
        _ pair: CurveKeyPair, directory: String, name: String, overwrite: Bool = false
    ) throws(Failure) -> (secret: String, public: String) {
        let secretPath = directory + "/" + name + ".key"
        let publicPath = directory + "/" + name + ".pub"
        try create(
            secretPath, mode: 0o600, overwrite: overwrite,
            text:
                "# enrichd CURVE secret key \(name): keep private (mode 0600)\n# public \(pair.publicKey.z85)\n\(pair.secretKey.z85)\n"
        )
        try create(
            publicPath, mode: 0o644, overwrite: overwrite,
            text: "# enrichd CURVE public key \(name)\n\(pair.publicKey.z85)\n")
        return (secretPath, publicPath)
    }

    private static func create(_ path: String, mode: mode_t, overwrite: Bool, text: String) throws(Failure) {
        if overwrite { unlink(path) }
        // O_EXCL: never follow a planted link or reuse a file someone else made readable.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw Failure(
                path: path, reason: errno == EEXIST ? "exists (use --force to replace it)" : "cannot be created")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fchmod(fd, mode) == 0 else {
            throw Failure(path: path, reason: "cannot be written")
        }
    }

    private static func read(_ path: String) throws(Failure) -> CurveKey {
        // A regular file of at most 4 KB, read through one descriptor: never a FIFO or device that blocks
        // or streams without end.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: "cannot be read") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: path, reason: "not a regular file")
        }
        var data = [UInt8](repeating: 0, count: 4097)
        let count = data.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
        guard count >= 0, count <= 4096 else {
            throw Failure(path: path, reason: "cannot be read (or larger than 4 KB)")
        }
        let lines = String(decoding: data.prefix(count), as: UTF8.self).split(whereSeparator: \.isNewline)
        let keyLines = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty && $0 != "#" && !$0.hasPrefix("# ")
        }
        guard keyLines.count == 1 else {
            throw Failure(path: path, reason: "expected one Z85 key line, found \(keyLines.count)")
        }
        do {
            return try CurveKey(z85: keyLines[0])
        } catch {
            throw Failure(path: path, reason: "not a 40-character Z85 CURVE key")
        }
    }
}

import ArgumentParser
import Daemon
import Foundation
import ZeroMQ

/// `enrichd keygen NAME`: writes a CURVE key pair as `NAME.key` (secret, 0600) and `NAME.pub`.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate a CURVE key pair: NAME.key (secret, mode 0600) and NAME.pub (public, Z85).",
        discussion: """
            Give a server socket its NAME.key (curveSecretKeyFile) and its clients NAME.pub \
            (curveServerKeyFile); put each client's .pub file in the server's security.clientKeysDirectory.
            """
    )

    @Argument(help: "Key name; the files are NAME.key and NAME.pub.")
    var name: String

    @Option(name: .long, help: "Directory to write the files to.")
    var directory: String = "."

    @Flag(name: .long, help: "Replace existing files.")
    var force = false

    func run() throws {
        guard !name.isEmpty, !name.contains("/") else {
            throw ValidationError("NAME must be a plain file name")
        }
        do {
            let pair = try CurveKeyPair.generate()
            let paths = try CurveKeyFile.write(pair, directory: directory, name: name, overwrite: force)
            print("secret \(paths.secret)\npublic \(paths.public) \(pair.publicKey.z85)")
        } catch let error as CurveKeyFile.Failure {
            FileHandle.standardError.write(Data("enrichd keygen: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

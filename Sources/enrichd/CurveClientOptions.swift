import ArgumentParser
import Daemon
import ZeroMQ

/// `--curve-server-key` and `--curve-secret-key`: makes a companion tool's socket a CURVE client.
struct CurveClientOptions: ParsableArguments {
    @Option(help: "CURVE: the server's public key file (NAME.pub from `enrichd keygen`); needs --curve-secret-key.")
    var curveServerKey: String?

    @Option(help: "CURVE: this client's secret key file (NAME.key, mode 0600); its .pub must be listed by the server.")
    var curveSecretKey: String?

    func validate() throws {
        guard (curveServerKey == nil) == (curveSecretKey == nil) else {
            throw ValidationError("--curve-server-key and --curve-secret-key go together")
        }
    }

    /// The socket options for a CURVE client, or none without the flags.
    func socketOptions() throws -> [SocketOption] {
        guard let curveServerKey, let curveSecretKey else { return [] }
        do {
            let pair = try CurveKeyFile.readSecret(curveSecretKey)
            let server = try CurveKeyFile.readPublic(curveServerKey)
            return [.curveServerKey(server), .curvePublicKey(pair.publicKey), .curveSecretKey(pair.secretKey)]
        } catch {
            throw ValidationError(error.description)
        }
    }
}

import Foundation
import Glibc
import Testing
import ZeroMQ

/// CURVE on the real binary: keys from `enrichd keygen`, a ZAP allow list reloaded on SIGHUP, and
/// start-up errors for misconfigured keys.
@Suite("Security end to end", .serialized, .timeLimit(.minutes(3)))
struct SecurityEndToEndTests {
    /// A fresh directory with `server`, `client`, `stranger` and `sink` key pairs and a client-keys
    /// directory that lists only `client`.
    final class KeyDirectory {
        let path: String
        var clients: String { path + "/clients" }

        init() throws {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("enrichd-keys-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/clients", withIntermediateDirectories: true)
            for name in ["server", "client", "stranger", "sink"] {
                let (status, output) = try Self.enrichd(["keygen", name, "--directory", path])
                guard status == 0 else { throw E2EError("keygen \(name) failed: \(output)") }
            }
            try FileManager.default.copyItem(atPath: path + "/client.pub", toPath: clients + "/client.pub")
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func pair(_ name: String) throws -> (public: CurveKey, secret: CurveKey) {
            func key(_ file: String) throws -> CurveKey {
                let text = try String(contentsOfFile: path + "/" + file, encoding: .utf8)
                let line = text.split(separator: "\n").first { !$0.hasPrefix("# ") }.map(String.init) ?? ""
                return try CurveKey(z85: line)
            }
            return (try key(name + ".pub"), try key(name + ".key"))
        }

        static func enrichd(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }
    }

    /// A bound PUSH feed, optionally a CURVE client of `serverKey` with `pair`.
    static func feed(
        _ harness: Harness, name: String, curve: (pair: (public: CurveKey, secret: CurveKey), serverKey: CurveKey)?
    ) async throws -> (OutboundChannel, String) {
        var options: [SocketOption] = [.sendHighWaterMark(100), .linger(.zero)]
        if let curve {
            options += [
                .curveServerKey(curve.serverKey), .curvePublicKey(curve.pair.public),
                .curveSecretKey(curve.pair.secret),
            ]
        }
        let spec = SocketSpec(name: name, type: .push, bind: ["tcp://127.0.0.1:*"], options: options)
        let channel = try await harness.io.openOutbound(spec, capacity: 64)
        return (channel, channel.boundEndpoints[0])
    }

    @Test func curveEndToEndAdmitsOnlyListedClientKeysAndReloadsOnSighup() async throws {
        let keys = try KeyDirectory()
        var info = stat()
        #expect(stat(keys.path + "/server.key", &info) == 0 && info.st_mode & 0o777 == 0o600)
        let server = try keys.pair("server")
        let harness = try Harness()
        let (allowed, allowedEndpoint) = try await Self.feed(
            harness, name: "allowed", curve: (try keys.pair("client"), server.public))
        let (stranger, strangerEndpoint) = try await Self.feed(
            harness, name: "stranger", curve: (try keys.pair("stranger"), server.public))
        let (plaintext, plaintextEndpoint) = try await Self.feed(harness, name: "plaintext", curve: nil)
        // The sink is a CURVE server too, so both hops are encrypted (no ZAP handler in this context:
        // libzmq admits any client key there).
        let sinkPair = try keys.pair("sink")
        let sinkSpec = SocketSpec(
            name: "sink", type: .pull, bind: ["tcp://127.0.0.1:*"],
            options: [.curveServer(true), .curveSecretKey(sinkPair.secret), .linger(.zero)])
        let sink = try await harness.io.openInbound(sinkSpec, capacity: 256)

        let daemon = try DaemonProcess(flags: [
            "--input-mode", "connect", "--input-endpoints", allowedEndpoint, strangerEndpoint, plaintextEndpoint,
            "--input-reconnect-interval-max-ms", "0", "--input-curve-role", "server",
            "--input-curve-secret-key-file", keys.path + "/server.key",
            "--security-client-keys-directory", keys.clients,
            "--output-mode", "connect", "--output-endpoints", sink.boundEndpoints[0],
            "--output-curve-role", "client", "--output-curve-secret-key-file", keys.path + "/client.key",
            "--output-curve-server-key-file", keys.path + "/sink.pub", "--http-port", "0",
        ])
        #expect(!daemon.log.contains(server.secret.z85), "a secret key was logged")

        let strangerSend = Task { _ = try await stranger.send(ZMQMessage(envelope(0, prefix: "stranger"))) }
        let plaintextSend = Task { _ = try await plaintext.send(ZMQMessage(envelope(0, prefix: "plain"))) }
        for index in 0..<50 { try await allowed.send(ZMQMessage(envelope(index, prefix: "ok"))) }
        let outputs = await collect(sink, count: 50, timeout: .seconds(30))
        let ids = Set(outputs.compactMap { field($0.frames[0], "id") as? String })
        #expect(ids == Set((0..<50).map { "ok\($0)" }))

        // The stranger's handshakes are refused by ZAP and counted; the plaintext peer never gets through.
        #expect(
            try eventually {
                let metrics = try HTTPProbe.parseMetrics(try daemon.get("/metrics").1)
                func count(_ result: String) -> Double {
                    metrics.filter {
                        $0.key.hasPrefix("enrichd_auth_total{") && $0.key.contains("result=\"\(result)\"")
                            && $0.key.contains("mechanism=\"CURVE\"")
                    }.values.reduce(0, +)
                }
                // The plaintext peer fails the handshake (mechanism mismatch) before ZAP is asked.
                let failedHandshakes = metrics.filter {
                    $0.key.hasPrefix("enrichd_socket_events_total{") && $0.key.contains("handshakeFailed")
                }.values.reduce(0, +)
                return count("refused") >= 1 && count("accepted") >= 1 && failedHandshakes >= 1
            })
        #expect(await collect(sink, count: 1, timeout: .milliseconds(500)).isEmpty)
        #expect(daemon.log.contains("security.client_refused"))

        // Listing the stranger's key and sending SIGHUP admits it on its next reconnect.
        try FileManager.default.copyItem(atPath: keys.path + "/stranger.pub", toPath: keys.clients + "/stranger.pub")
        kill(daemon.pid, SIGHUP)
        let late = await collect(sink, count: 1, timeout: .seconds(20))
        #expect(late.compactMap { field($0.frames[0], "id") as? String } == ["stranger0"])
        try await strangerSend.value
        #expect(daemon.log.contains("security.client_keys_loaded"))

        daemon.sigterm()
        #expect(daemon.waitForExit() == 0, "\(daemon.log.suffix(3000))")
        plaintextSend.cancel()
        await harness.shutdown()
    }

    @Test func misconfiguredKeysFailAtStartWithoutPlaintextFallback() throws {
        let keys = try KeyDirectory()
        let base = ["--input-curve-role", "server", "--http-enabled", "false"]
        func start(_ flags: [String]) throws -> DaemonProcess {
            try DaemonProcess(flags: base + flags, waitForReady: false)
        }
        // No client key directory for a server socket.
        let noDirectory = try start(["--input-curve-secret-key-file", keys.path + "/server.key"])
        #expect(noDirectory.waitForExit() == 78)
        #expect(noDirectory.log.contains("security.clientKeysDirectory"))
        // A secret key others can read.
        chmod(keys.path + "/stranger.key", 0o644)
        let tooOpen = try start([
            "--input-curve-secret-key-file", keys.path + "/stranger.key", "--security-client-keys-directory",
            keys.clients,
        ])
        #expect(tooOpen.waitForExit() == 78)
        #expect(tooOpen.log.contains("group or others"))
        // A damaged key.
        let damaged = keys.path + "/damaged.key"
        _ = FileManager.default.createFile(
            atPath: damaged, contents: Data("not a key\n".utf8), attributes: [.posixPermissions: 0o600])
        let bad = try start([
            "--input-curve-secret-key-file", damaged, "--security-client-keys-directory", keys.clients,
        ])
        #expect(bad.waitForExit() == 78)
        #expect(bad.log.contains("damaged.key"))
        // A client without the server's key.
        let noServerKey = try DaemonProcess(
            flags: [
                "--output-curve-role", "client", "--output-curve-secret-key-file", keys.path + "/client.key",
                "--http-enabled", "false",
            ], waitForReady: false)
        #expect(noServerKey.waitForExit() == 78)
        #expect(noServerKey.log.contains("output.curveServerKeyFile"))
    }
}

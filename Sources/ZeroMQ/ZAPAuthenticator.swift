internal import Synchronization

/// A ZAP handler (ZeroMQ RFC 27) that admits CURVE clients whose public key is on an allow list.
///
/// Installed on an ``IOThread`` with ``install(on:)``, it answers libzmq's authentication requests
/// for every socket of that thread's context that has a ZAP domain (``SocketOption/zapDomain(_:)``)
/// or is a CURVE server. Any other mechanism (a plaintext NULL or PLAIN client reaching a socket with
/// a ZAP domain) and any key not on the list is refused. The list can be replaced at any time (e.g. on
/// SIGHUP) with ``replaceAllowedKeys(_:)``; each decision is reported to `onDecision`.
public final class ZAPAuthenticator: Sendable {
    /// One authentication decision.
    public struct Decision: Sendable {
        /// Whether the peer was admitted.
        public var accepted: Bool
        /// `CURVE`, `NULL`, `PLAIN`, …
        public var mechanism: String
        /// The ZAP domain of the socket.
        public var domain: String
        /// The peer's address as libzmq gives it (e.g. `127.0.0.1`).
        public var address: String
        /// The client's CURVE public key, if it used CURVE.
        public var clientKey: CurveKey?
    }

    /// The endpoint libzmq sends authentication requests to, per context.
    public static let endpoint = "inproc://zeromq.zap.01"

    private let allowed: Mutex<Set<CurveKey>>
    private let onDecision: @Sendable (Decision) -> Void

    /// Creates an authenticator admitting `allowedKeys`.
    ///
    /// - Parameters:
    ///   - allowedKeys: Client public keys to admit.
    ///   - onDecision: Called on the I/O thread for every decision; must not block.
    public init(allowedKeys: Set<CurveKey>, onDecision: @escaping @Sendable (Decision) -> Void = { _ in }) {
        self.allowed = Mutex(allowedKeys)
        self.onDecision = onDecision
    }

    /// The client keys admitted now.
    public var allowedKeys: Set<CurveKey> { allowed.withLock { $0 } }

    /// Replaces the allow list; later handshakes see the new list (established sessions stay).
    public func replaceAllowedKeys(_ keys: Set<CurveKey>) {
        allowed.withLock { $0 = keys }
    }

    /// Binds the ZAP endpoint in the thread's context; call before opening sockets that authenticate.
    ///
    /// - Throws: ``ZMQError`` (`.addressInUse` if the context already has a ZAP handler).
    public func install(on io: IOThread) async throws {
        try await io.openReplier(SocketSpec(name: "zap", type: .rep, bind: [Self.endpoint])) { [self] request in
            self.answer(request)
        }
    }

    /// The reply to one ZAP request: `[1.0][request id][200|400|500][text][user id][metadata]`.
    func answer(_ request: ZMQMessage) -> ZMQMessage {
        let frames = request.frames
        guard frames.count >= 6, frames[0] == Array("1.0".utf8) else {
            let id = frames.count > 1 ? frames[1] : []
            return Self.reply(id, "500", "malformed ZAP request")
        }
        let mechanism = String(decoding: frames[5], as: UTF8.self)
        var decision = Decision(
            accepted: false, mechanism: mechanism, domain: String(decoding: frames[2], as: UTF8.self),
            address: String(decoding: frames[3], as: UTF8.self), clientKey: nil)
        if mechanism == "CURVE", frames.count >= 7, let key = try? CurveKey(bytes: frames[6]) {
            decision.clientKey = key
            decision.accepted = allowed.withLock { $0.contains(key) }
        }
        onDecision(decision)
        guard decision.accepted, let key = decision.clientKey else {
            return Self.reply(frames[1], "400", mechanism == "CURVE" ? "unknown client key" : "CURVE required")
        }
        return Self.reply(frames[1], "200", "OK", user: key.z85)
    }

    private static func reply(_ id: [UInt8], _ status: String, _ text: String, user: String = "") -> ZMQMessage {
        ZMQMessage(frames: [Array("1.0".utf8), id, Array(status.utf8), Array(text.utf8), Array(user.utf8), []])
    }
}

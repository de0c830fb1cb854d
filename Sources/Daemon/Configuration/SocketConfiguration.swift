public import ZeroMQ

/// How one daemon socket is set up: pattern, bind or connect, endpoints and libzmq options.
public struct SocketConfiguration: Sendable {
    /// `bind` or `connect`.
    public enum Mode: String, Sendable { case bind, connect }

    /// Name used in logs, metrics and monitor events (`input`, `output`, `deadletter`).
    public var name: String
    /// The libzmq socket type.
    public var type: SocketType
    /// Whether endpoints are bound or connected.
    public var mode: Mode
    /// tcp://, ipc:// or inproc:// endpoints.
    public var endpoints: [String]
    /// SUB topic prefixes (input only).
    public var topics: [String]
    /// PUB topic or topic template (outputs only).
    public var topic: String
    /// libzmq options applied before bind/connect.
    public var options: [SocketOption]
    /// PUB outputs: discard (and count) a record the socket cannot take at once instead of waiting.
    public var dropWhenFull: Bool
    /// CURVE encryption and authentication of this socket, if configured.
    public var curve: CurveSecurity?

    /// The CURVE side of a socket: a server admits clients listed in `security.clientKeysDirectory`
    /// (through ZAP); a client knows the server's public key.
    public enum CurveSecurity: Sendable {
        /// `curveRole: server` with this socket's key pair.
        case server(CurveKeyPair)
        /// `curveRole: client` with this socket's key pair and the server's public key.
        case client(CurveKeyPair, serverKey: CurveKey)

        /// The ZAP domain of server sockets.
        static let zapDomain = "enrichd"

        var options: [SocketOption] {
            switch self {
            case .server(let pair):
                [.curveServer(true), .curveSecretKey(pair.secretKey), .zapDomain(Self.zapDomain)]
            case .client(let pair, let serverKey):
                [.curveServerKey(serverKey), .curvePublicKey(pair.publicKey), .curveSecretKey(pair.secretKey)]
            }
        }
    }

    /// Reads the keys under `prefix` (`input`, `output` or `deadLetter`).
    init(settings: SettingsReader, prefix: String, name: String, allowed: [SocketType]) {
        self.name = name
        let typeName = settings.choice("\(prefix).type", allowed.map(\.rawValue))
        self.type = SocketType(rawValue: typeName) ?? allowed[0]
        self.mode = Mode(rawValue: settings.choice("\(prefix).mode", ["bind", "connect"])) ?? .connect
        self.endpoints = settings.strings("\(prefix).endpoints")
        if endpoints.isEmpty {
            settings.problem("\(prefix).endpoints", "at least one endpoint is required")
        }
        for endpoint in endpoints where !Self.isEndpoint(endpoint) {
            settings.problem("\(prefix).endpoints", "\"\(endpoint)\" is not a tcp://, ipc:// or inproc:// endpoint")
        }
        self.topics = prefix == "input" ? settings.strings("input.topics") : []
        self.topic = prefix == "input" ? "" : settings.string("\(prefix).topic")
        var options: [SocketOption] = []
        // 0 would mean "unlimited" to libzmq, which would void the memory bound.
        let hwm = Int32(clamping: settings.int("\(prefix).highWaterMark", in: 1...10_000_000))
        options.append(prefix == "input" ? .receiveHighWaterMark(hwm) : .sendHighWaterMark(hwm))
        if prefix == "input" {
            options.append(
                .maxMessageSize(Int64(clamping: settings.int("input.maxMessageBytes", in: -1...Int(Int32.max)))))
            for topic in topics { options.append(.subscribe(Array(topic.utf8))) }
        }
        if prefix == "output" {
            options.append(.immediate(settings.bool("output.immediate")))
        }
        // PUB: ZMQ_XPUB_NODROP makes libzmq report the high-water mark instead of dropping silently; the
        // daemon then drops the record itself and counts it. (Waiting instead is not offered: libzmq
        // reports a PUB socket always writable, so a wait could only spin.)
        if type == .pub { options.append(.xpubNoDrop(true)) }
        self.dropWhenFull = type == .pub
        if prefix != "deadLetter" {
            let reconnect = settings.milliseconds("\(prefix).reconnectIntervalMs", in: 1...3_600_000)
            let reconnectMax = settings.milliseconds("\(prefix).reconnectIntervalMaxMs", in: 0...3_600_000)
            if reconnectMax > .zero && reconnectMax < reconnect {
                settings.problem(
                    "\(prefix).reconnectIntervalMaxMs", "must be 0 (no backoff) or at least reconnectIntervalMs")
            }
            options.append(.reconnectInterval(reconnect))
            options.append(.reconnectIntervalMax(reconnectMax))
            let heartbeat = settings.milliseconds("\(prefix).heartbeatIntervalMs", in: 0...3_600_000)
            let timeout = settings.milliseconds("\(prefix).heartbeatTimeoutMs", in: 0...3_600_000)
            let ttl = settings.milliseconds("\(prefix).heartbeatTtlMs", in: 0...6_553_500)
            if heartbeat > .zero {
                options.append(.heartbeatInterval(heartbeat))
                options.append(.heartbeatTimeout(timeout > .zero ? timeout : heartbeat))
                if ttl > .zero { options.append(.heartbeatTTL(ttl)) }
            }
            options.append(.tcpKeepalive(settings.bool("\(prefix).tcpKeepalive")))
        }
        self.curve = Self.curve(settings: settings, prefix: prefix)
        self.options = options + (curve?.options ?? [])
    }

    /// Reads `<prefix>.curveRole` and the key files it needs; a problem is a start-up error, never plaintext.
    static func curve(settings: SettingsReader, prefix: String) -> CurveSecurity? {
        let role = settings.choice("\(prefix).curveRole", ["none", "server", "client"])
        let secretPath = settings.string("\(prefix).curveSecretKeyFile")
        let serverPath = settings.string("\(prefix).curveServerKeyFile")
        guard role == "server" || role == "client" else {
            if !secretPath.isEmpty || !serverPath.isEmpty {
                settings.problem("\(prefix).curveRole", "key files are set but curveRole is \"\(role)\"")
            }
            return nil
        }
        guard !secretPath.isEmpty else {
            settings.problem("\(prefix).curveSecretKeyFile", "required for curveRole \(role)")
            return nil
        }
        let pair: CurveKeyPair
        do {
            pair = try CurveKeyFile.readSecret(secretPath)
        } catch {
            settings.problem("\(prefix).curveSecretKeyFile", error.description)
            return nil
        }
        if role == "server" {
            if !serverPath.isEmpty {
                settings.problem("\(prefix).curveServerKeyFile", "only for curveRole client")
            }
            return .server(pair)
        }
        guard !serverPath.isEmpty else {
            settings.problem("\(prefix).curveServerKeyFile", "required for curveRole client")
            return nil
        }
        do {
            return .client(pair, serverKey: try CurveKeyFile.readPublic(serverPath))
        } catch {
            settings.problem("\(prefix).curveServerKeyFile", error.description)
            return nil
        }
    }

    static func isEndpoint(_ endpoint: String) -> Bool {
        for scheme in ["tcp://", "ipc://", "inproc://"] where endpoint.hasPrefix(scheme) {
            return endpoint.count > scheme.count
        }
        return false
    }

    /// The socket description the I/O thread opens, with a bounded linger.
    func spec(linger: Duration) -> SocketSpec {
        SocketSpec(
            name: name,
            type: type,
            bind: mode == .bind ? endpoints : [],
            connect: mode == .connect ? endpoints : [],
            options: options + [.linger(linger)],
            monitored: true,
            dropWhenFull: dropWhenFull
        )
    }
}

/// One message of the credit-based work-queue protocol between ``WorkQueueBroker`` (ROUTER) and workers
/// (a DEALER input of an ``IOThread``).
///
/// Workers ask for work instead of having it pushed at them: the broker sends a worker at most as many jobs
/// as it granted, keeps every job until the worker acknowledges it, and gives unacknowledged jobs to
/// another worker when their worker says goodbye or falls silent. A worker that stops asks the broker to
/// stop first and leaves only after the broker confirmed, so nothing is in flight towards it when it closes —
/// the hop that PUSH/PULL cannot make lossless.
///
/// Each message starts with a command frame; numbers are big-endian.
/// - worker → broker: `credit` `[grant u32][outstanding u32]` (grant 0 is a heartbeat), `ack` `[tag u64]…`,
///   `stop`, `bye`;
/// - broker → worker: `job` `[tag u64]` followed by the original frames, `stopped`.
enum WorkQueueCommand: Equatable, Sendable {
    /// `grant` more jobs; `outstanding` jobs were granted before and have not arrived yet. A broker that does
    /// not know the worker (it restarted, or the worker reconnected) adopts `outstanding + grant` as its credit.
    case credit(grant: UInt32, outstanding: UInt32)
    /// These jobs are done: their results were handed to the output socket.
    case ack([UInt64])
    /// Send no more jobs; answer with ``stopped``.
    case stop
    /// The worker is leaving: requeue whatever it has not acknowledged.
    case bye
    /// One job with its delivery tag and the frames received from upstream.
    case job(tag: UInt64, frames: [[UInt8]])
    /// No job follows: the answer to ``stop``.
    case stopped

    private static let names: [(String, [UInt8])] = [
        "credit", "ack", "stop", "bye", "job", "stopped",
    ].map { ($0, Array($0.utf8)) }

    /// The frames to send (after the routing id, on the broker's side).
    var frames: [[UInt8]] {
        switch self {
        case .credit(let grant, let outstanding):
            [Self.name("credit"), Self.bytes(UInt64(grant), count: 4) + Self.bytes(UInt64(outstanding), count: 4)]
        case .ack(let tags):
            [Self.name("ack"), tags.flatMap { Self.bytes($0, count: 8) }]
        case .stop: [Self.name("stop")]
        case .bye: [Self.name("bye")]
        case .job(let tag, let frames): [Self.name("job"), Self.bytes(tag, count: 8)] + frames
        case .stopped: [Self.name("stopped")]
        }
    }

    /// Decodes `frames`; `nil` for an unknown command or a malformed argument.
    init?(frames: some Collection<[UInt8]>) {
        guard let command = frames.first, let name = Self.names.first(where: { $0.1 == command })?.0 else {
            return nil
        }
        let arguments = Array(frames.dropFirst())
        switch name {
        case "credit":
            guard arguments.count == 1, arguments[0].count == 8 else { return nil }
            self = .credit(
                grant: UInt32(Self.number(arguments[0][0..<4])), outstanding: UInt32(Self.number(arguments[0][4..<8])))
        case "ack":
            guard arguments.count == 1, arguments[0].count % 8 == 0 else { return nil }
            let packed = arguments[0]
            self = .ack(stride(from: 0, to: packed.count, by: 8).map { Self.number(packed[$0..<$0 + 8]) })
        case "job":
            guard arguments.count >= 2, arguments[0].count == 8 else { return nil }
            self = .job(tag: Self.number(arguments[0][...]), frames: Array(arguments.dropFirst()))
        case "stop" where arguments.isEmpty: self = .stop
        case "bye" where arguments.isEmpty: self = .bye
        case "stopped" where arguments.isEmpty: self = .stopped
        default: return nil
        }
    }

    private static func name(_ name: String) -> [UInt8] {
        Array(name.utf8)
    }

    private static func bytes(_ value: UInt64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(count - 1 - $0))) }
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

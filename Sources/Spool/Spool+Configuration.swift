extension Spool {
    /// Where the journal lives and how it trades durability for speed.
    public struct Configuration: Sendable {
        /// How far a commit is pushed to storage before appends return.
        public enum Durability: String, Sendable {
            /// The WAL reaches the operating system at every commit: survives a crash or SIGKILL of the
            /// daemon, not a power loss of the host (`PRAGMA synchronous=NORMAL`).
            case process
            /// The WAL is fsync'ed at every commit: also survives a power loss (`PRAGMA synchronous=FULL`).
            case host
        }

        /// The SQLite database file; created with its directory's permissions if missing.
        public var path: String
        /// Most bytes of pending records; appends wait (backpressure) while the journal is full.
        public var maxBytes: Int
        /// See ``Durability``.
        public var durability: Durability
        /// How long a released record stays in the journal, so that a crash right after a send still
        /// replays what libzmq had queued but not yet written to the network.
        public var releaseDelay: Duration

        /// Creates a configuration.
        public init(path: String, maxBytes: Int, durability: Durability, releaseDelay: Duration) {
            self.path = path
            self.maxBytes = maxBytes
            self.durability = durability
            self.releaseDelay = releaseDelay
        }
    }

    /// One stored message, handed out for replay.
    public struct Entry: Sendable {
        /// Releases the entry once its output is sent.
        public let ticket: Ticket
        /// The message's frames as received.
        public let frames: [[UInt8]]
    }

    /// A journaled message, to be released once its output (or dead-letter record) is sent.
    public struct Ticket: Sendable, Hashable {
        /// The record's position in the journal; later appends have larger sequences.
        public let sequence: Int64
        let bytes: Int
    }

    /// What the spool thread did, for metrics and logs.
    public enum Event: Sendable {
        /// A transaction stored `appended` records and removed `released` ones in `duration`, leaving
        /// `pendingMessages` records of `pendingBytes` in the journal.
        case committed(appended: Int, released: Int, duration: Duration, pendingMessages: Int, pendingBytes: Int)
        /// A read or commit failed; appends in it were refused, releases are retried.
        case failed(SpoolError)
    }
}

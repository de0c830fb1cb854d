import Synchronization

/// Decides whether a per-message problem should be logged: at most once per interval per key.
///
/// Every occurrence is still counted in metrics; this only keeps logs readable under bad input floods.
public final class ThrottledLog: Sendable {
    private let interval: Duration
    private let lastLogged = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Creates a throttle allowing one line per key per `interval`.
    public init(interval: Duration) {
        self.interval = interval
    }

    /// True if `key` was not logged within the interval (and records that it is logged now).
    public func shouldLog(_ key: String) -> Bool {
        let now = ContinuousClock.now
        return lastLogged.withLock { last in
            if let previous = last[key], now - previous < interval { return false }
            last[key] = now
            return true
        }
    }
}

import Synchronization

/// Lets at most `limit` tasks into a section at once; waiters enter in arrival order.
///
/// A waiting task that is cancelled enters anyway (and should then fail fast), so a cancelled task group
/// never hangs on the limiter.
final class AsyncLimiter: Sendable {
    private struct State {
        var available: Int
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
        var nextID: UInt64 = 0
    }
    private let state: Mutex<State>

    init(limit: Int) {
        precondition(limit > 0, "AsyncLimiter limit must be positive")
        state = Mutex(State(available: limit))
    }

    /// Waits for a free place; pair every call with one ``leave()``.
    func enter() async {
        let id = state.withLock { state -> UInt64? in
            if state.available > 0 {
                state.available -= 1
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if Task.isCancelled {
                        state.available -= 1  // entered over the limit; the matching leave() evens it out
                        return true
                    }
                    state.waiters.append((id, continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                state.available -= 1
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume()
        }
    }

    /// Frees a place, handing it to the longest waiter if there is one.
    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        next?.resume()
    }
}

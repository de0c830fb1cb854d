internal import Synchronization

extension InboundChannel {
    // MARK: Consumer side

    /// Takes the next message, suspending while the buffer is empty and intake is open.
    func next() async -> InboundMessage? {
        if Task.isCancelled { return nil }
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<InboundMessage?, Never>) in
                let (taken, resumeIntake) = state.withLock { state -> (InboundMessage??, Bool) in
                    if let message = state.buffer.popFirst() {
                        return (.some(message), Self.endPause(&state))
                    }
                    if !state.intakeOpen || Task.isCancelled {
                        return (.some(nil), false)
                    }
                    state.waiters.append((id, continuation))
                    return (nil, false)
                }
                if resumeIntake { thread.wake() }
                if let taken { continuation.resume(returning: taken) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0).continuation }
            }
            waiter?.resume(returning: nil)
        }
    }

    /// Ends a pause if taking one message made room; returns whether the I/O thread must be woken.
    private static func endPause(_ state: inout State) -> Bool {
        guard let since = state.pausedSince else { return false }
        state.pausedTotal += ContinuousClock.now - since
        state.pausedSince = nil
        return state.intakeOpen
    }

    // MARK: I/O thread side

    /// Whether the I/O thread may receive another message.
    var hasRoom: Bool {
        state.withLock { $0.intakeOpen && $0.buffer.count < capacity }
    }

    /// Hands a received message to a waiting consumer or buffers it; returns whether there is still room.
    func deliver(_ message: ZMQMessage) -> Bool {
        let inbound = InboundMessage(message: message, receivedAt: .now)
        let (waiter, room) = state.withLock { state -> (CheckedContinuation<InboundMessage?, Never>?, Bool) in
            state.receivedCount += 1
            if !state.waiters.isEmpty {
                return (state.waiters.removeFirst().continuation, true)
            }
            state.buffer.append(inbound)
            if state.buffer.count >= capacity {
                if state.pausedSince == nil { state.pausedSince = .now }
                return (nil, false)
            }
            return (nil, true)
        }
        waiter?.resume(returning: inbound)
        return room
    }

    /// Marks intake as finished: buffered messages are still yielded, then iteration ends.
    func finishIntake() {
        let waiters = state.withLock { state in
            state.intakeOpen = false
            if let since = state.pausedSince {
                state.pausedTotal += ContinuousClock.now - since
                state.pausedSince = nil
            }
            let waiters = state.waiters
            state.waiters.removeAll()
            return waiters
        }
        for waiter in waiters {
            waiter.continuation.resume(returning: nil)
        }
    }
}

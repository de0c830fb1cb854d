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
                        let wake = Self.endPause(&state) || requestGrant(&state)
                        return (.some(message), wake)
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

    /// Work-queue input: whether taking a message made room for a grant the I/O thread must be woken for.
    private func requestGrant(_ state: inout State) -> Bool {
        guard isWorkQueue, !state.grantRequested, grant(state) > 0 else { return false }
        state.grantRequested = true
        return true
    }

    /// The credit worth granting now: the room not yet promised, once it is a quarter of the buffer (or the
    /// broker owes nothing), so grants stay few and large.
    private func grant(_ state: State) -> Int {
        guard state.intakeOpen else { return 0 }
        let room = capacity - state.buffer.count - state.outstanding
        return room > 0 && (room >= Swift.max(1, capacity / 4) || state.outstanding == 0) ? room : 0
    }

    // MARK: I/O thread side

    /// Work-queue input: the credit worth granting now, and the jobs granted before that have not arrived.
    func pendingGrant() -> (grant: Int, outstanding: Int) {
        state.withLock { state in
            state.grantRequested = false
            return (grant(state), state.outstanding)
        }
    }

    /// Work-queue input: counts `grant` jobs as outstanding once the grant was sent.
    func commitGrant(_ grant: Int) {
        state.withLock { $0.outstanding += grant }
    }

    /// Work-queue input: takes the acknowledgements waiting to be sent.
    func takeAcknowledgements() -> [UInt64] {
        state.withLock { state in
            defer { state.pendingAcks.removeAll() }
            return state.pendingAcks
        }
    }

    /// Work-queue input: puts back acknowledgements that could not be sent yet.
    func restoreAcknowledgements(_ tags: [UInt64]) {
        state.withLock { $0.pendingAcks.insert(contentsOf: tags, at: 0) }
    }

    /// Whether the I/O thread may receive another message.
    var hasRoom: Bool {
        state.withLock { $0.intakeOpen && $0.buffer.count < capacity }
    }

    /// Hands a received message to a waiting consumer or buffers it; returns whether there is still room.
    func deliver(_ message: ZMQMessage, tag: UInt64? = nil) -> Bool {
        let inbound = InboundMessage(message: message, receivedAt: .now, deliveryTag: tag)
        let (waiter, room) = state.withLock { state -> (CheckedContinuation<InboundMessage?, Never>?, Bool) in
            state.receivedCount += 1
            if tag != nil { state.outstanding = Swift.max(0, state.outstanding - 1) }
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

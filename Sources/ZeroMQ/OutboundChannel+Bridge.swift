internal import Synchronization

extension OutboundChannel {
    /// What the I/O thread did with the head message.
    enum Outcome {
        case sent
        case wouldBlock
        case dropped
        case failed(ZMQError)
    }

    // MARK: Caller side

    func enqueue(_ pending: Pending) {
        enum Action {
            case none, wake
            case fail(any Error)
        }
        let action = state.withLock { state -> Action in
            if let error = state.closedError { return .fail(error) }
            if Task.isCancelled { return .fail(CancellationError()) }
            if state.queue.count < capacity {
                state.queue.append(pending)
                return state.queue.count == 1 ? .wake : .none
            }
            state.overflow.append(pending)
            return .none
        }
        switch action {
        case .none: break
        case .wake: thread.wake()
        case .fail(let error): pending.continuation.resume(throwing: error)
        }
    }

    func cancel(id: UInt64) {
        let removed = state.withLock { state -> Pending? in
            if let pending = state.overflow.remove(firstWhere: { $0.id == id }) {
                return pending
            }
            if state.headInFlight && state.queue.first?.id == id {
                return nil  // being handed to libzmq right now; its outcome decides
            }
            guard let pending = state.queue.remove(firstWhere: { $0.id == id }) else { return nil }
            refill(&state)
            if state.queue.isEmpty { Self.endBlocked(&state) }
            return pending
        }
        removed?.continuation.resume(throwing: CancellationError())
    }

    // MARK: I/O thread side

    /// Whether messages wait in the bridge queue.
    var hasPending: Bool { state.withLock { !$0.queue.isEmpty } }

    /// Marks the head message in flight and returns it, or `nil` if the queue is empty.
    func takeHead() -> ZMQMessage? {
        state.withLock { state in
            guard let head = state.queue.first else { return nil }
            state.headInFlight = true
            return head.message
        }
    }

    /// Records what happened to the message returned by ``takeHead()``.
    func complete(_ outcome: Outcome) {
        let finished = state.withLock { state -> Pending? in
            state.headInFlight = false
            if case .wouldBlock = outcome {
                if state.blockedSince == nil { state.blockedSince = .now }
                return nil
            }
            let head = state.queue.popFirst()
            if case .sent = outcome { state.sentCount += 1 }
            if case .dropped = outcome { state.droppedCount += 1 }
            Self.endBlocked(&state)
            refill(&state)
            return head
        }
        switch outcome {
        case .sent: finished?.continuation.resume(returning: .sent)
        case .dropped: finished?.continuation.resume(returning: .dropped)
        case .failed(let error): finished?.continuation.resume(throwing: error)
        case .wouldBlock: break
        }
    }

    /// Closes the channel: every waiting message fails with `error`, and so will later sends.
    func close(failing error: ZMQError) {
        let pending = state.withLock { state in
            if state.closedError == nil { state.closedError = error }
            state.headInFlight = false
            Self.endBlocked(&state)
            return state.queue.removeAll() + state.overflow.removeAll()
        }
        for entry in pending {
            entry.continuation.resume(throwing: error)
        }
    }

    private func refill(_ state: inout State) {
        while state.queue.count < capacity, let next = state.overflow.popFirst() {
            state.queue.append(next)
        }
    }

    private static func endBlocked(_ state: inout State) {
        if let since = state.blockedSince {
            state.blockedTotal += ContinuousClock.now - since
            state.blockedSince = nil
        }
    }
}

internal import Synchronization

extension IOThread {
    /// Wakes the I/O thread out of `zmq_poll`.
    func wake() {
        if case .success(let pipe) = wakeupPipe { pipe.wake() }
    }

    /// Queues `command` for the I/O thread; `false` if the thread is not running.
    func submit(_ command: @escaping @Sendable (IOLoop) -> Void) -> Bool {
        let accepted = state.withLock { state in
            guard state.phase == .running else { return false }
            state.commands.append(command)
            return true
        }
        if accepted { wake() }
        return accepted
    }

    /// Runs `body` on the I/O thread and waits for it.
    func perform(
        _ operation: String,
        detail: String,
        _ body: @escaping @Sendable (IOLoop) throws(ZMQError) -> Void
    ) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let accepted = submit { loop in
                continuation.resume(with: Result { () throws(ZMQError) in try body(loop) })
            }
            if !accepted {
                continuation.resume(throwing: ZMQError.closed(operation, detail: detail))
            }
        }
    }

    /// Stops intake of `channel` and closes its socket.
    func closeInbound(_ channel: InboundChannel) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let accepted = submit { loop in
                loop.close(inbound: channel)
                continuation.resume()
            }
            if !accepted {
                // Not running: the socket is already closed or is being closed by shutdown.
                channel.finishIntake()
                continuation.resume()
            }
        }
    }

    /// Takes the commands queued for the loop.
    func takeCommands() -> [@Sendable (IOLoop) -> Void] {
        state.withLock { state in
            defer { state.commands.removeAll() }
            return state.commands
        }
    }

    /// Called by the loop as its last act: marks the thread exited, then runs late commands and wakes waiters.
    func loopDidExit(_ loop: IOLoop) {
        let (commands, waiters) = state.withLock { state in
            state.phase = .exited
            defer {
                state.commands.removeAll()
                state.shutdownWaiters.removeAll()
            }
            return (state.commands, state.shutdownWaiters)
        }
        for command in commands {
            command(loop)
        }
        eventContinuation.finish()
        for waiter in waiters {
            waiter.resume()
        }
    }
}

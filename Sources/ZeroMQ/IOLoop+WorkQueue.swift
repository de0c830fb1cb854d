/// The worker side of the work-queue protocol (``WorkQueueCommand``) for one DEALER input.
struct WorkQueueIntake {
    /// How often a worker tells its broker it is alive (a grant of 0) when it has nothing else to send.
    static let heartbeatInterval: Duration = .seconds(1)
    /// How long a stopping worker waits for the broker's `stopped` before it ends intake anyway.
    static let stopTimeout: Duration = .seconds(2)

    /// When the worker last sent the broker anything.
    var lastSent: ContinuousClock.Instant = .now - heartbeatInterval
    /// Set by ``IOLoop/stopWorkQueue(_:)``: when to give up waiting for `stopped`.
    var stopDeadline: ContinuousClock.Instant?
    /// Whether intake ended (`stopped` arrived or the deadline passed): later jobs are left to the broker.
    var intakeFinished = false
}

extension IOLoop {
    /// Once per loop pass: sends acknowledgements, grants room as credit (or a heartbeat), and ends intake
    /// when a stop was not confirmed in time.
    func serviceWorkQueue(_ entry: Entry) {
        guard var queue = entry.workQueue, let channel = entry.inbound, !entry.isClosed else { return }
        defer { entry.workQueue = queue }
        let now = ContinuousClock.now
        let tags = channel.takeAcknowledgements()
        if !tags.isEmpty {
            if send(.ack(tags), on: entry) {
                queue.lastSent = now
            } else {
                channel.restoreAcknowledgements(tags)
            }
        }
        var (grant, outstanding) = channel.pendingGrant()
        if let deadline = queue.stopDeadline {
            if !queue.intakeFinished && now >= deadline {
                queue.intakeFinished = true
                channel.finishIntake()
            }
            // Stopping: no more credit, but heartbeats go on while the last jobs finish, or the broker would
            // take the worker for dead and hand its jobs to others.
            grant = 0
        }
        guard grant > 0 || now - queue.lastSent >= WorkQueueIntake.heartbeatInterval else { return }
        let credit = WorkQueueCommand.credit(
            grant: UInt32(clamping: grant), outstanding: UInt32(clamping: outstanding))
        if send(credit, on: entry) {
            channel.commitGrant(grant)
            queue.lastSent = now
        }
    }

    /// Handles one message from the broker: a job goes to the channel, `stopped` ends intake.
    func receiveWorkQueue(_ message: ZMQMessage, entry: Entry, channel: InboundChannel) {
        switch WorkQueueCommand(frames: message.frames) {
        case .job(let tag, let frames):
            // After intake ended the job is not taken: unacknowledged, the broker gives it to another worker.
            guard entry.workQueue?.intakeFinished == false else { return }
            _ = channel.deliver(ZMQMessage(frames: frames), tag: tag)
        case .stopped:
            guard entry.workQueue?.intakeFinished == false else { return }
            entry.workQueue?.intakeFinished = true
            channel.finishIntake()
        default:
            // Not a broker's message (e.g. a DEALER connected to something else): ignored.
            break
        }
    }

    /// Asks the broker to send nothing more; intake ends when it confirms, or after ``WorkQueueIntake/stopTimeout``.
    func stopWorkQueue(_ entry: Entry) {
        guard let queue = entry.workQueue, queue.stopDeadline == nil else { return }
        let sent = send(.stop, on: entry)
        entry.workQueue?.stopDeadline = .now + (sent ? WorkQueueIntake.stopTimeout : .zero)
        entry.workQueue?.lastSent = .now
        if !sent {
            entry.workQueue?.intakeFinished = true
            entry.inbound?.finishIntake()
        }
    }

    /// Before the socket closes: the last acknowledgements, then goodbye, so the broker requeues the rest at once.
    func leaveWorkQueue(_ entry: Entry) {
        guard let channel = entry.inbound else { return }
        let tags = channel.takeAcknowledgements()
        if !tags.isEmpty { _ = send(.ack(tags), on: entry) }
        _ = send(.bye, on: entry)
    }

    /// Sends a protocol message without blocking; `false` if libzmq could not take it now.
    private func send(_ command: WorkQueueCommand, on entry: Entry) -> Bool {
        do {
            return try entry.handle.send(ZMQMessage(frames: command.frames), nonBlocking: true)
        } catch {
            if error.code == .contextTerminated { terminationError = error }
            return false
        }
    }
}

internal import CZeroMQ
internal import Synchronization

/// The state and poll loop of an ``IOThread``; every member is used only on that thread.
final class IOLoop {
    /// A socket owned by the loop, with the channel it serves and its optional monitor.
    final class Entry {
        let handle: SocketHandle
        let inbound: InboundChannel?
        let outbound: OutboundChannel?
        let monitor: SocketHandle?
        /// For a REP socket served on the thread: answers each request.
        let replier: (@Sendable (ZMQMessage) -> ZMQMessage)?
        /// The last send attempt reported "would block"; wait for `ZMQ_POLLOUT` before retrying.
        var blocked = false
        /// The socket was closed during this loop pass; skip it until it leaves `entries`.
        var isClosed = false
        /// For a work-queue input (DEALER): its protocol state.
        var workQueue: WorkQueueIntake?

        init(
            handle: SocketHandle, inbound: InboundChannel?, outbound: OutboundChannel?, monitor: SocketHandle?,
            replier: (@Sendable (ZMQMessage) -> ZMQMessage)?
        ) {
            self.handle = handle
            self.inbound = inbound
            self.outbound = outbound
            self.monitor = monitor
            self.replier = replier
            if inbound?.isWorkQueue == true { self.workQueue = WorkQueueIntake() }
        }
    }

    /// Most messages moved per socket per pass, so one busy socket cannot starve the others.
    static let batchLimit = 256
    /// Most messages taken from libzmq's queue when an input with an unlimited ZMQ_RCVHWM closes (`close(inbound:)`).
    static let closeRescueLimit = 10_000

    let owner: IOThread
    let pipe: WakeupPipe
    var entries: [Entry] = []
    /// Set by shutdown: flush outbound queues until then.
    var drainDeadline: ContinuousClock.Instant?
    /// Set when libzmq reports the context terminated: stop at once.
    var terminationError: ZMQError?
    /// Whether the loop has closed its sockets; late commands must fail.
    var isClosed = false
    var monitorCounter = 0

    init(owner: IOThread, pipe: WakeupPipe) {
        self.owner = owner
        self.pipe = pipe
    }

    /// Loops until shutdown or context termination, then closes everything.
    func run() {
        while true {
            owner.iterations.add(1, ordering: .relaxed)
            for command in owner.takeCommands() {
                command(self)
            }
            if shouldStop() { break }
            for entry in entries where entry.workQueue != nil { serviceWorkQueue(entry) }
            let busy = flushOutbound()
            pollOnce(busy: busy)
            if terminationError != nil { break }
        }
        closeAll()
        owner.loopDidExit(self)
    }

    private func shouldStop() -> Bool {
        if terminationError != nil { return true }
        guard let deadline = drainDeadline else { return false }
        return ContinuousClock.now >= deadline || !entries.contains { $0.outbound?.hasPending ?? false }
    }

    /// One `zmq_poll` over the wake-up pipe, the sockets and their monitors, then the work it found.
    private func pollOnce(busy: Bool) {
        var items = [zmq_pollitem_t(socket: nil, fd: pipe.readDescriptor, events: Int16(ZMQ_POLLIN), revents: 0)]
        for entry in entries {
            var events: Int16 = 0
            if let queue = entry.workQueue {
                // The broker sends no more than was granted; its answers must be read whatever the room.
                if !queue.intakeFinished { events |= Int16(ZMQ_POLLIN) }
            } else if let inbound = entry.inbound, drainDeadline == nil, inbound.hasRoom {
                events |= Int16(ZMQ_POLLIN)
            }
            if entry.replier != nil { events |= Int16(ZMQ_POLLIN) }
            if entry.outbound != nil && entry.blocked { events |= Int16(ZMQ_POLLOUT) }
            items.append(zmq_pollitem_t(socket: entry.handle.pointer, fd: 0, events: events, revents: 0))
            if let monitor = entry.monitor {
                items.append(zmq_pollitem_t(socket: monitor.pointer, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
            }
        }
        var timeout = busy ? Duration.zero : owner.pollTimeout
        if let deadline = drainDeadline {
            timeout = min(timeout, max(.zero, deadline - .now))
        }
        let count: Int32
        do {
            let milliseconds = Int(timeout.zmqMilliseconds)
            let result = try ZMQCall.run("zmq_poll", detail: owner.name) {
                zmq_poll(&items, Int32(items.count), milliseconds)
            }
            guard case .done(let n) = result else { return }
            count = n
        } catch {
            terminationError = error
            return
        }
        if items[0].revents != 0 { pipe.drain() }
        var index = 1
        for entry in entries {
            let revents = items[index].revents
            let monitorRevents = entry.monitor != nil ? items[index + 1].revents : 0
            index += entry.monitor != nil ? 2 : 1
            if monitorRevents != 0 && !entry.isClosed { drainMonitor(entry) }
            if entry.inbound != nil && revents & Int16(ZMQ_POLLIN) != 0 && !entry.isClosed { receive(entry) }
            if entry.replier != nil && revents & Int16(ZMQ_POLLIN) != 0 && !entry.isClosed { reply(entry) }
            // Retry blocked sends when writable, and on every idle tick as a safety net.
            if revents & Int16(ZMQ_POLLOUT) != 0 || count == 0 { entry.blocked = false }
        }
    }

    /// Receives up to ``batchLimit`` messages while the inbound channel has room.
    private func receive(_ entry: Entry) {
        guard let channel = entry.inbound else { return }
        for _ in 0..<Self.batchLimit {
            do {
                guard let message = try entry.handle.receive(nonBlocking: true) else { return }
                if entry.workQueue != nil {
                    receiveWorkQueue(message, entry: entry, channel: channel)
                } else if !channel.deliver(message) {
                    return
                }
            } catch {
                if error.code == .contextTerminated {
                    terminationError = error
                } else {
                    // An unexpected receive error ends this socket's intake rather than spinning on it.
                    close(inbound: channel)
                }
                return
            }
        }
    }

    /// Answers up to ``batchLimit`` pending requests of a served REP socket.
    private func reply(_ entry: Entry) {
        guard let replier = entry.replier else { return }
        for _ in 0..<Self.batchLimit {
            do {
                guard let request = try entry.handle.receive(nonBlocking: true) else { return }
                // A REP socket may always send the reply to the request it just received.
                _ = try entry.handle.send(replier(request), nonBlocking: true)
            } catch {
                if error.code == .contextTerminated { terminationError = error }
                return
            }
        }
    }

    /// Sends queued outbound messages until each socket would block; returns whether work is left over.
    private func flushOutbound() -> Bool {
        var busy = false
        for entry in entries where !entry.blocked && !entry.isClosed {
            guard let channel = entry.outbound else { continue }
            var sent = 0
            while let message = channel.takeHead() {
                do {
                    if try entry.handle.send(message, nonBlocking: true) {
                        channel.complete(.sent)
                    } else if channel.dropWhenFull {
                        channel.complete(.dropped)
                    } else {
                        channel.complete(.wouldBlock)
                        entry.blocked = true
                        break
                    }
                } catch {
                    channel.complete(.failed(error))
                    if error.code == .contextTerminated {
                        terminationError = error
                        return false
                    }
                }
                sent += 1
                if sent == Self.batchLimit {
                    busy = channel.hasPending
                    break
                }
            }
        }
        return busy
    }
}

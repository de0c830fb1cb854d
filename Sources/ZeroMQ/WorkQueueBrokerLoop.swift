internal import CZeroMQ
internal import Synchronization

/// The state and poll loop of a ``WorkQueueBroker``; every member is used only on the broker thread.
final class WorkQueueBrokerLoop {
    /// A message waiting for a worker.
    typealias Job = [[UInt8]]

    /// A connected worker, known by its ROUTER routing id.
    struct Worker {
        /// Jobs the worker asked for and has not been sent.
        var credit = 0
        /// Jobs sent and not acknowledged.
        var unacknowledged = 0
        /// When it last sent anything.
        var lastSeen: ContinuousClock.Instant
        /// It asked to stop; it gets nothing more.
        var stopping = false
        /// Its first credit message was seen; until then its own `outstanding` count is adopted.
        var adopted = false
    }

    /// Most messages read from one socket per pass.
    static let batchLimit = 256
    static let pollTimeout: Duration = .milliseconds(100)

    let owner: WorkQueueBroker
    let pipe: WakeupPipe
    let frontend: SocketHandle
    let backend: SocketHandle
    /// Cleared once the frontend is closed at stop.
    var frontendOpen = true
    var queue = FIFO<Job>()
    /// Jobs given back by workers; handed out before ``queue``.
    var requeued = FIFO<Job>()
    /// Jobs out with workers, by delivery tag.
    var outstanding: [UInt64: (worker: [UInt8], job: Job)] = [:]
    var workers: [[UInt8]: Worker] = [:]
    /// Round-robin order of the workers.
    var order: [[UInt8]] = []
    var cursor = 0
    /// Delivery tags start at a per-run value, so a late acknowledgement for an earlier run's job matches nothing.
    var nextTag: UInt64
    var statistics = WorkQueueBroker.Statistics()
    var drainDeadline: ContinuousClock.Instant?

    init(owner: WorkQueueBroker, pipe: WakeupPipe, frontend: SocketHandle, backend: SocketHandle) {
        self.owner = owner
        self.pipe = pipe
        self.frontend = frontend
        self.backend = backend
        self.nextTag = UInt64.random(in: 1...(UInt64.max >> 1))
    }

    func run() {
        var failure: ZMQError?
        do throws(ZMQError) {
            while true {
                let now = ContinuousClock.now
                if drainDeadline == nil && owner.stopRequested.load(ordering: .acquiring) {
                    beginDrain(now: now)
                }
                if let deadline = drainDeadline,
                    now >= deadline || (queue.isEmpty && requeued.isEmpty && outstanding.isEmpty)
                {
                    break
                }
                expireWorkers(now: now)
                try dispatch()
                publishStatistics()
                try pollOnce()
            }
        } catch {
            if error.code != .contextTerminated { failure = error }
        }
        statistics.lostAtStop = UInt64(queue.count + requeued.count + outstanding.count)
        if frontendOpen { frontend.close() }
        try? backend.set(.linger(.milliseconds(100)))
        backend.close()
        refreshLevels()
        owner.loopDidExit(failure: failure, statistics: statistics)
    }

    // MARK: Sockets

    private func pollOnce() throws(ZMQError) {
        var items = [
            zmq_pollitem_t(socket: nil, fd: pipe.readDescriptor, events: Int16(ZMQ_POLLIN), revents: 0),
            zmq_pollitem_t(socket: backend.pointer, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0),
        ]
        let readFrontend = frontendOpen && queue.count + requeued.count < owner.configuration.maxQueued
        if readFrontend {
            items.append(zmq_pollitem_t(socket: frontend.pointer, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
        }
        var timeout = Self.pollTimeout
        if let deadline = drainDeadline { timeout = min(timeout, max(.zero, deadline - .now)) }
        let milliseconds = Int(timeout.zmqMilliseconds)
        guard
            case .done = try ZMQCall.run(
                "zmq_poll", detail: owner.name, { zmq_poll(&items, Int32(items.count), milliseconds) })
        else { return }
        if items[0].revents != 0 { pipe.drain() }
        if items[1].revents != 0 { try receiveBackend() }
        if readFrontend && items[2].revents != 0 { try receiveFrontend(limit: Self.batchLimit) }
    }

    /// Reads up to `limit` messages from the frontend while the queue has room.
    private func receiveFrontend(limit: Int) throws(ZMQError) {
        for _ in 0..<limit where queue.count + requeued.count < owner.configuration.maxQueued {
            guard let message = try frontend.receive(nonBlocking: true) else { return }
            queue.append(message.frames)
            statistics.received += 1
        }
    }

    private func receiveBackend() throws(ZMQError) {
        for _ in 0..<Self.batchLimit {
            guard let message = try backend.receive(nonBlocking: true) else { return }
            var frames = message.frames
            guard frames.count >= 2 else {
                statistics.protocolErrors += 1
                continue
            }
            let id = frames.removeFirst()
            guard let command = WorkQueueCommand(frames: frames) else {
                statistics.protocolErrors += 1
                continue
            }
            try handle(command, from: id)
        }
    }

    private func handle(_ command: WorkQueueCommand, from id: [UInt8]) throws(ZMQError) {
        let now = ContinuousClock.now
        if workers[id] == nil, command != .bye {
            workers[id] = Worker(lastSeen: now)
            order.append(id)
        }
        workers[id]?.lastSeen = now
        switch command {
        case .credit(let grant, let outstandingBefore):
            guard let worker = workers[id], !worker.stopping else { return }
            // A worker new to this broker (the broker restarted, or the worker reconnected under a new routing
            // id) still expects what it granted before; its count is the truth.
            workers[id]?.credit = (worker.adopted ? worker.credit : Int(outstandingBefore)) + Int(grant)
            workers[id]?.adopted = true
        case .ack(let tags):
            for tag in tags {
                guard let entry = outstanding.removeValue(forKey: tag) else { continue }
                workers[entry.worker]?.unacknowledged -= 1
                statistics.acknowledged += 1
            }
        case .stop:
            workers[id]?.stopping = true
            workers[id]?.credit = 0
            do throws(ZMQError) {
                _ = try send([id] + WorkQueueCommand.stopped.frames)
            } catch {
                // A worker gone before the answer is no reason to stop the broker; it expires like any other.
                if error.code == .contextTerminated { throw error }
            }
        case .bye:
            statistics.workersLeft += 1
            remove(worker: id)
        case .job, .stopped:
            statistics.protocolErrors += 1
        }
    }

    /// Hands jobs to workers with credit, round robin, until the queue or the credit runs out.
    private func dispatch() throws(ZMQError) {
        var blocked = Set<[UInt8]>()
        while !(requeued.isEmpty && queue.isEmpty), let id = nextWorker(skipping: blocked) {
            let job = requeued.isEmpty ? queue.first! : requeued.first!
            let tag = nextTag
            let frames = [id] + WorkQueueCommand.job(tag: tag, frames: job).frames
            do throws(ZMQError) {
                guard try send(frames) else {
                    blocked.insert(id)
                    continue
                }
            } catch {
                if error.code == .contextTerminated { throw error }
                // EHOSTUNREACH: the worker's connection is gone; give its jobs to others.
                statistics.workersExpired += 1
                remove(worker: id)
                continue
            }
            _ = requeued.isEmpty ? queue.popFirst() : requeued.popFirst()
            nextTag &+= 1
            outstanding[tag] = (id, job)
            workers[id]?.credit -= 1
            workers[id]?.unacknowledged += 1
            statistics.dispatched += 1
        }
    }

    /// The next worker in round-robin order that has credit and is not stopping.
    private func nextWorker(skipping blocked: Set<[UInt8]>) -> [UInt8]? {
        guard !order.isEmpty else { return nil }
        for step in 0..<order.count {
            let id = order[(cursor + step) % order.count]
            guard let worker = workers[id], worker.credit > 0, !worker.stopping, !blocked.contains(id) else {
                continue
            }
            cursor = (cursor + step + 1) % order.count
            return id
        }
        return nil
    }

    /// Sends without blocking; `false` when the peer's pipe is full.
    private func send(_ frames: [[UInt8]]) throws(ZMQError) -> Bool {
        try backend.send(ZMQMessage(frames: frames), nonBlocking: true)
    }

    // MARK: Workers

    private func expireWorkers(now: ContinuousClock.Instant) {
        let timeout = owner.configuration.workerTimeout
        for (id, worker) in workers where now - worker.lastSeen > timeout {
            statistics.workersExpired += 1
            remove(worker: id)
        }
    }

    /// Forgets a worker and puts its unacknowledged jobs back at the front of the queue, oldest first.
    private func remove(worker id: [UInt8]) {
        guard workers.removeValue(forKey: id) != nil else { return }
        if let index = order.firstIndex(of: id) {
            order.remove(at: index)
            if cursor > index { cursor -= 1 }
            if cursor >= order.count { cursor = 0 }
        }
        let returned = outstanding.filter { $0.value.worker == id }.keys.sorted()
        for tag in returned {
            requeued.append(outstanding.removeValue(forKey: tag)!.job)
        }
        statistics.requeued += UInt64(returned.count)
    }

    // MARK: Stop

    /// Stops intake: what libzmq already read from the frontend is queued (up to its high-water mark),
    /// then the frontend closes and only the queue is worked off.
    private func beginDrain(now: ContinuousClock.Instant) {
        drainDeadline = now + owner.configuration.drainTimeout
        let highWaterMark = (try? frontend.getInt32(ZMQ_RCVHWM, name: "ZMQ_RCVHWM")).map(Int.init) ?? 0
        var rescued = 0
        while rescued < (highWaterMark > 0 ? highWaterMark : 10_000),
            let message = try? frontend.receive(nonBlocking: true)
        {
            queue.append(message.frames)
            statistics.received += 1
            rescued += 1
        }
        try? frontend.set(.linger(.zero))
        frontend.close()
        frontendOpen = false
    }

    private func refreshLevels() {
        statistics.queued = queue.count + requeued.count
        statistics.unacknowledged = outstanding.count
        statistics.workers = workers.count
    }

    private func publishStatistics() {
        refreshLevels()
        let snapshot = statistics
        owner.shared.withLock { $0.statistics = snapshot }
    }
}

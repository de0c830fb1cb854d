internal import CZeroMQ
internal import Synchronization

extension IOLoop {
    /// Creates, configures, monitors, binds and connects a socket for a channel.
    func open(
        _ spec: SocketSpec, inbound: InboundChannel?, outbound: OutboundChannel?,
        replier: (@Sendable (ZMQMessage) -> ZMQMessage)? = nil
    ) throws(ZMQError) {
        guard !isClosed, drainDeadline == nil, terminationError == nil else {
            throw ZMQError.closed("IOThread.open", detail: "socket \(spec.name)")
        }
        let handle = try SocketHandle.open(context: owner.context, type: spec.type, name: spec.name)
        var monitor: SocketHandle?
        var bound: [String] = []
        do throws(ZMQError) {
            for option in spec.options {
                try handle.set(option)
            }
            if spec.monitored {
                monitor = try attachMonitor(to: handle)
            }
            for endpoint in spec.bind {
                try handle.bind(endpoint)
                bound.append(try SocketOptionKey.lastEndpoint.read(handle))
            }
            for endpoint in spec.connect {
                try handle.connect(endpoint)
            }
        } catch {
            if let monitor {
                try? handle.monitor(nil, events: 0)
                monitor.close()
            }
            handle.close()
            throw error
        }
        inbound?.state.withLock { $0.boundEndpoints = bound }
        outbound?.state.withLock { $0.boundEndpoints = bound }
        entries.append(
            Entry(handle: handle, inbound: inbound, outbound: outbound, monitor: monitor, replier: replier))
    }

    /// Starts `zmq_socket_monitor` on a private inproc endpoint and connects a PAIR socket to it.
    private func attachMonitor(to handle: SocketHandle) throws(ZMQError) -> SocketHandle {
        monitorCounter += 1
        let endpoint = "inproc://zeromq.monitor.\(ObjectIdentifier(owner).hashValue).\(monitorCounter)"
        try handle.monitor(endpoint, events: SocketEvent.Kinds.all.rawValue)
        do throws(ZMQError) {
            let pair = try SocketHandle.open(context: owner.context, type: .pair, name: handle.name, linger: .zero)
            do throws(ZMQError) {
                try pair.connect(endpoint)
            } catch {
                pair.close()
                throw error
            }
            return pair
        } catch {
            try? handle.monitor(nil, events: 0)
            throw error
        }
    }

    /// Forwards pending monitor events of `entry` to ``IOThread/events``.
    func drainMonitor(_ entry: Entry) {
        guard let monitor = entry.monitor else { return }
        for _ in 0..<Self.batchLimit {
            guard let message = try? monitor.receive(nonBlocking: true) else { return }
            if let event = SocketEvent(monitorMessage: message, socket: entry.handle.name) {
                owner.eventContinuation.yield(event)
            }
        }
    }

    /// Closes the socket of `channel` at once (zero linger) and ends its intake; a work-queue input asks its
    /// broker to stop instead (``stopWorkQueue(_:)``) and stays open for acknowledgements.
    func close(inbound channel: InboundChannel) {
        guard let index = entries.firstIndex(where: { $0.inbound === channel }) else {
            channel.finishIntake()
            return
        }
        if entries[index].workQueue != nil {
            stopWorkQueue(entries[index])
            return
        }
        let entry = entries.remove(at: index)
        // Closing discards what libzmq already read from the network; hand that to the channel first, so a
        // drain loses only what is still in kernel buffers or on the wire. Bounded by one pipe's worth
        // (ZMQ_RCVHWM): libzmq keeps reading while the sender keeps sending.
        let highWaterMark = (try? entry.handle.getInt32(ZMQ_RCVHWM, name: "ZMQ_RCVHWM")).map(Int.init) ?? 0
        let limit = highWaterMark > 0 ? min(highWaterMark, Self.closeRescueLimit) : Self.closeRescueLimit
        var rescued = 0
        while rescued < limit, !entry.isClosed,
            let message = try? entry.handle.receive(nonBlocking: true)
        {
            _ = channel.deliver(message)
            rescued += 1
        }
        close(entry, linger: .zero, failing: ZMQError.closed("InboundChannel.close", detail: channel.name))
    }

    /// Stops intake and starts flushing outbound queues for at most `linger`.
    func beginShutdown(linger: Duration) {
        drainDeadline = ContinuousClock.now + linger
    }

    /// Closes every socket with the remaining linger and fails what could not be sent.
    func closeAll() {
        let remaining = drainDeadline.map { max(.zero, $0 - .now) } ?? .zero
        let error = terminationError ?? ZMQError.closed("IOThread.shutdown", detail: owner.name)
        // Served sockets (the ZAP handler) close last: a CURVE server whose ZAP endpoint is gone admits
        // any client key in libzmq 4.3, so authentication must outlive every socket it guards.
        for entry in entries.filter({ $0.replier == nil }) + entries.filter({ $0.replier != nil }) {
            close(entry, linger: remaining, failing: error)
        }
        entries.removeAll()
        isClosed = true
    }

    /// Closes one socket: pending sends fail with `error`, the monitor is stopped, intake ends.
    private func close(_ entry: Entry, linger: Duration, failing error: ZMQError) {
        guard !entry.isClosed else { return }
        if entry.workQueue != nil { leaveWorkQueue(entry) }
        entry.isClosed = true
        entry.outbound?.close(failing: error)
        if let monitor = entry.monitor {
            try? entry.handle.monitor(nil, events: 0)
            drainMonitor(entry)
            monitor.close()
        }
        try? entry.handle.set(.linger(linger))
        entry.handle.close()
        entry.inbound?.finishIntake()
    }
}

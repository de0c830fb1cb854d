internal import CZeroMQ
internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#endif

/// `zmq_proxy_steerable` between two sockets on a dedicated thread, stopped through its control socket.
///
/// The typical use is SUB → PUSH: one subscription to a PUB stream, fanned out so that N workers
/// connected to the PUSH side share the articles (each message goes to one worker) instead of each
/// receiving all of them. Frames pass unchanged, so `[topic][payload]` stays two frames.
///
/// The sockets are created, configured and attached by ``start()`` on the calling thread (all of those
/// calls return at once), then handed to the proxy thread, which alone uses them until it exits.
public final class SocketProxy: Sendable {
    struct State {
        var thread: PosixThread?
        /// The steering end of the control pair; used once, under the lock's hand-off, to send TERMINATE.
        var control: ControlHandle?
        var exited = false
        var failure: ZMQError?
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The thread name.
    public let name: String
    let context: ZMQContext
    /// The socket messages come from.
    public let frontend: SocketSpec
    /// The socket messages go to.
    public let backend: SocketSpec
    let controlEndpoint: String
    let state = Mutex(State())

    /// Describes a proxy; nothing is opened until ``start()``.
    ///
    /// - Parameters:
    ///   - context: The context of both sockets.
    ///   - frontend: The socket messages come from (e.g. SUB with its subscriptions).
    ///   - backend: The socket they go to (e.g. PUSH).
    ///   - name: The thread name.
    public init(context: ZMQContext, frontend: SocketSpec, backend: SocketSpec, name: String = "zmq-proxy") {
        self.context = context
        self.frontend = frontend
        self.backend = backend
        self.name = name
        self.controlEndpoint = "inproc://zeromq.proxy.\(UInt(bitPattern: ObjectIdentifier(context).hashValue)).\(name)"
    }

    /// The endpoints the two sockets bound, wildcards resolved (frontend, backend).
    public private(set) var boundEndpoints: (frontend: [String], backend: [String]) {
        get { bound.withLock { $0 } }
        set { bound.withLock { $0 = newValue } }
    }
    private let bound = Mutex<(frontend: [String], backend: [String])>(([], []))

    /// Opens both sockets and the control pair, then starts the proxy thread.
    ///
    /// - Throws: ``ZMQError`` naming the socket and endpoint (e.g. `.addressInUse`); nothing is left open.
    public func start() throws(ZMQError) {
        var opened: [SocketHandle] = []
        do throws(ZMQError) {
            let front = try SocketHandle.open(frontend, context: context)
            opened.append(front.handle)
            let back = try SocketHandle.open(backend, context: context)
            opened.append(back.handle)
            boundEndpoints = (front.bound, back.bound)
            let controlServer = try SocketHandle.open(
                context: context, type: .pair, name: "\(name)-control", linger: .zero)
            opened.append(controlServer)
            try controlServer.bind(controlEndpoint)
            let controlClient = try SocketHandle.open(
                context: context, type: .pair, name: "\(name)-steer", linger: .zero)
            opened.append(controlClient)
            try controlClient.connect(controlEndpoint)
            let sockets = ProxySockets(frontend: front.handle, backend: back.handle, control: controlServer)
            let thread = try PosixThread.spawn(name: name) { [self] in self.run(sockets) }
            state.withLock {
                $0.thread = thread
                $0.control = ControlHandle(handle: controlClient)
            }
        } catch {
            for handle in opened.reversed() { handle.close() }
            throw error
        }
    }

    /// Asks the proxy to stop, waits until its thread closed the sockets, and joins it.
    ///
    /// The backend keeps its configured `ZMQ_LINGER` to flush queued messages at close. A proxy blocked
    /// in a send (a full or peerless PUSH backend never reads TERMINATE) is stopped after `timeout` by
    /// shutting the context down, which makes its blocking call return. Calling it again is harmless.
    ///
    /// - Parameter timeout: How long to wait for the proxy to read TERMINATE.
    public func terminate(timeout: Duration = .seconds(5)) async {
        let control = state.withLock { state -> ControlHandle? in
            defer { state.control = nil }
            return state.control
        }?.handle
        if let control {
            // A PAIR over inproc to a connected peer never blocks; DONTWAIT makes sure of it.
            _ = try? control.send(ZMQMessage(Array("TERMINATE".utf8)), nonBlocking: true)
            control.close()
        }
        let context = context
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.waitForExit()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            if await group.next() == false { context.shutdown() }
            group.cancelAll()
            await group.waitForAll()
        }
        state.withLock { state in
            defer { state.thread = nil }
            return state.thread
        }?.join()
    }

    /// Waits until the proxy thread exited (after ``terminate()``, or on its own after an error).
    ///
    /// - Returns: The error that ended the proxy, or `nil` after a requested stop.
    @discardableResult
    public func waitForExit() async -> ZMQError? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let exited = state.withLock { state in
                if state.exited || state.thread == nil { return true }
                state.waiters.append(continuation)
                return false
            }
            if exited { continuation.resume() }
        }
        return state.withLock { $0.failure }
    }

    // MARK: Proxy thread

    /// A socket moved between threads under the state lock (libzmq allows migration with a full barrier).
    struct ControlHandle: @unchecked Sendable {
        let handle: SocketHandle
    }

    /// The three sockets the proxy thread owns.
    struct ProxySockets: @unchecked Sendable {
        let frontend: SocketHandle
        let backend: SocketHandle
        let control: SocketHandle
    }

    private func run(_ sockets: ProxySockets) {
        // Not through ZMQCall: retrying on EINTR would restart the proxy in the middle of a multipart
        // message, and EAGAIN is no "try later" here. 0 = TERMINATE; ETERM = the context was shut down.
        var failure: ZMQError?
        let rc = zmq_proxy_steerable(sockets.frontend.pointer, sockets.backend.pointer, nil, sockets.control.pointer)
        if rc != 0, zmq_errno() != ETERM {
            failure = ZMQError(
                code: .system, operation: "zmq_proxy_steerable", detail: name,
                reason: String(cString: zmq_strerror(zmq_errno())))
        }
        sockets.control.close()
        sockets.frontend.close()
        sockets.backend.close()
        let waiters = state.withLock { state in
            state.exited = true
            state.failure = failure
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

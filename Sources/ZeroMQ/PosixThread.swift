#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A joinable operating-system thread, so blocking libzmq calls never run on Swift's cooperative pool.
struct PosixThread: @unchecked Sendable {
    // `pthread_t` is only used to join, once, by whoever took it out of the owner's lock.
    private let thread: pthread_t

    /// A box moved through `pthread_create`'s `void *` argument.
    private final class Start {
        let name: String
        let body: () -> Void
        init(name: String, body: @escaping () -> Void) {
            self.name = name
            self.body = body
        }
    }

    /// Starts a thread named `name` (truncated to 15 bytes, the Linux limit) running `body`.
    ///
    /// - Throws: ``ZMQError`` `.setupFailed` if `pthread_create` fails.
    static func spawn(name: String, body: @escaping @Sendable () -> Void) throws(ZMQError) -> PosixThread {
        let start = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { argument in
            let start = Unmanaged<Start>.fromOpaque(argument!).takeRetainedValue()
            PosixThread.blockSignals()
            PosixThread.setCurrentName(start.name)
            start.body()
            return nil
        }, start)
        #else
        var created: pthread_t?
        let rc = pthread_create(&created, nil, { argument in
            let start = Unmanaged<Start>.fromOpaque(argument).takeRetainedValue()
            _ = pthread_setname_np(String(start.name.utf8.prefix(63))!)
            start.body()
            return nil
        }, start)
        #endif
        guard rc == 0 else {
            Unmanaged<Start>.fromOpaque(start).release()
            throw ZMQError(
                code: .setupFailed,
                errno: rc,
                operation: "pthread_create",
                detail: name,
                reason: String(cString: strerror(rc))
            )
        }
        #if canImport(Glibc)
        return PosixThread(thread: thread)
        #else
        return PosixThread(thread: created!)
        #endif
    }

    /// Blocks every asynchronous signal on the calling thread, as libzmq does for its own threads.
    ///
    /// Signal handling (SIGTERM for graceful shutdown) belongs to the process's signal sources; a
    /// signal delivered to this thread while its disposition is "ignore" would otherwise be lost.
    private static func blockSignals() {
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, nil)
    }

    #if canImport(Glibc)
    /// `pthread_setname_np` is a GNU extension that Swift's Glibc module does not expose; look it up instead.
    private static func setCurrentName(_ name: String) {
        typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
        guard let library = dlopen(nil, RTLD_NOW) else { return }
        defer { dlclose(library) }
        guard let symbol = dlsym(library, "pthread_setname_np") else { return }
        let setName = unsafeBitCast(symbol, to: SetName.self)
        _ = setName(pthread_self(), String(decoding: name.utf8.prefix(15), as: UTF8.self))
    }
    #endif

    /// Waits for the thread to return (`pthread_join`).
    func join() {
        let rc = pthread_join(thread, nil)
        precondition(rc == 0, "pthread_join: \(String(cString: strerror(rc)))")
    }
}

internal import CZeroMQ

/// A copyable view of a libzmq socket pointer with the operations both ``ZMQSocket`` and ``IOThread`` use.
///
/// It does not own the socket: ``ZMQSocket`` closes it in `deinit`, the I/O thread closes its own
/// explicitly. Like the socket itself, a handle must only be used from one thread at a time.
struct SocketHandle {
    /// The `void *` from `zmq_socket`.
    let pointer: UnsafeMutableRawPointer
    /// The name used in errors and events ("" for stand-alone sockets).
    let name: String

    /// Default `ZMQ_LINGER` applied to every socket right after creation.
    static let defaultLinger: Duration = .milliseconds(1000)

    /// Creates a socket and bounds its linger.
    static func open(
        context: ZMQContext,
        type: SocketType,
        name: String = "",
        linger: Duration = defaultLinger
    ) throws(ZMQError) -> SocketHandle {
        let detail = name.isEmpty ? type.rawValue : "\(name): \(type.rawValue)"
        let pointer = try ZMQCall.pointer("zmq_socket", detail: detail) { zmq_socket(context.handle, type.rawType) }
        let handle = SocketHandle(pointer: pointer, name: name)
        do {
            try handle.set(.linger(linger))
        } catch {
            handle.close()
            throw error
        }
        return handle
    }

    /// Opens a socket for `spec` without a monitor: its options, then binds (returning the resolved
    /// endpoints), then connects. Nothing is left open on failure.
    static func open(
        _ spec: SocketSpec, context: ZMQContext
    ) throws(ZMQError) -> (handle: SocketHandle, bound: [String]) {
        let handle = try SocketHandle.open(context: context, type: spec.type, name: spec.name)
        do throws(ZMQError) {
            for option in spec.options { try handle.set(option) }
            var bound: [String] = []
            for endpoint in spec.bind {
                try handle.bind(endpoint)
                bound.append(try SocketOptionKey.lastEndpoint.read(handle))
            }
            for endpoint in spec.connect { try handle.connect(endpoint) }
            return (handle, bound)
        } catch {
            handle.close()
            throw error
        }
    }

    /// Closes the socket (`zmq_close`); pending messages are kept for at most the linger period.
    func close() {
        let rc = zmq_close(pointer)
        precondition(rc == 0, "zmq_close(\(name)): \(String(cString: zmq_strerror(zmq_errno())))")
    }

    /// The detail string for errors: socket name and input.
    func detail(_ input: String) -> String {
        name.isEmpty ? input : "socket \(name), \(input)"
    }

    /// Sets `option` (`zmq_setsockopt`).
    func set(_ option: SocketOption, file: String = #fileID, line: Int = #line) throws(ZMQError) {
        let detail = detail(option.description)
        switch option.value {
        case .int32(var value):
            try ZMQCall.run("zmq_setsockopt", detail: detail, invalidArgument: .invalidOption, file: file, line: line) {
                zmq_setsockopt(pointer, option.option, &value, MemoryLayout<Int32>.size)
            }
        case .int64(var value):
            try ZMQCall.run("zmq_setsockopt", detail: detail, invalidArgument: .invalidOption, file: file, line: line) {
                zmq_setsockopt(pointer, option.option, &value, MemoryLayout<Int64>.size)
            }
        case .bytes(let bytes), .secret(let bytes):
            try ZMQCall.run("zmq_setsockopt", detail: detail, invalidArgument: .invalidOption, file: file, line: line) {
                bytes.withUnsafeBytes { zmq_setsockopt(pointer, option.option, $0.baseAddress, $0.count) }
            }
        }
    }

    /// Reads an `int` option.
    func getInt32(_ option: Int32, name optionName: String) throws(ZMQError) -> Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        try ZMQCall.run("zmq_getsockopt", detail: detail(optionName), invalidArgument: .invalidOption) {
            zmq_getsockopt(pointer, option, &value, &size)
        }
        return value
    }

    /// Reads an `int64_t` option.
    func getInt64(_ option: Int32, name optionName: String) throws(ZMQError) -> Int64 {
        var value: Int64 = 0
        var size = MemoryLayout<Int64>.size
        try ZMQCall.run("zmq_getsockopt", detail: detail(optionName), invalidArgument: .invalidOption) {
            zmq_getsockopt(pointer, option, &value, &size)
        }
        return value
    }

    /// Reads a binary option, growing the buffer until it fits (`EINVAL` means "too small").
    func getBytes(_ option: Int32, name optionName: String) throws(ZMQError) -> [UInt8] {
        var capacity = 256
        while true {
            var buffer = [UInt8](repeating: 0, count: capacity)
            var size = capacity
            do {
                try ZMQCall.run("zmq_getsockopt", detail: detail(optionName), invalidArgument: .invalidOption) {
                    buffer.withUnsafeMutableBytes { zmq_getsockopt(pointer, option, $0.baseAddress, &size) }
                }
                return Array(buffer.prefix(size))
            } catch  where error.code == .invalidOption && capacity < 1 << 16 {
                capacity *= 4
            }
        }
    }

    /// Reads a NUL-terminated string option.
    func getString(_ option: Int32, name optionName: String) throws(ZMQError) -> String {
        var bytes = try getBytes(option, name: optionName)
        if let end = bytes.firstIndex(of: 0) { bytes.removeSubrange(end...) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Binds to `endpoint` (`zmq_bind`).
    func bind(_ endpoint: String, file: String = #fileID, line: Int = #line) throws(ZMQError) {
        try ZMQCall.run(
            "zmq_bind", detail: detail(endpoint), invalidArgument: .invalidEndpoint, file: file, line: line
        ) {
            zmq_bind(pointer, endpoint)
        }
    }

    /// Connects to `endpoint` (`zmq_connect`); the connection itself is made asynchronously.
    func connect(_ endpoint: String, file: String = #fileID, line: Int = #line) throws(ZMQError) {
        try ZMQCall.run(
            "zmq_connect", detail: detail(endpoint), invalidArgument: .invalidEndpoint, file: file, line: line
        ) {
            zmq_connect(pointer, endpoint)
        }
    }

    /// Unbinds from `endpoint` (`zmq_unbind`).
    func unbind(_ endpoint: String) throws(ZMQError) {
        try ZMQCall.run("zmq_unbind", detail: detail(endpoint), invalidArgument: .invalidEndpoint) {
            zmq_unbind(pointer, endpoint)
        }
    }

    /// Disconnects from `endpoint` (`zmq_disconnect`).
    func disconnect(_ endpoint: String) throws(ZMQError) {
        try ZMQCall.run("zmq_disconnect", detail: detail(endpoint), invalidArgument: .invalidEndpoint) {
            zmq_disconnect(pointer, endpoint)
        }
    }

    /// Starts publishing monitor events on the inproc `endpoint`, or stops with `nil`.
    func monitor(_ endpoint: String?, events: Int32) throws(ZMQError) {
        try ZMQCall.run("zmq_socket_monitor", detail: detail(endpoint ?? "stop"), invalidArgument: .invalidEndpoint) {
            zmq_socket_monitor(pointer, endpoint, events)
        }
    }
}

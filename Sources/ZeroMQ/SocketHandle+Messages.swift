internal import CZeroMQ

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

extension SocketHandle {
    /// Sends all frames of `message` with `zmq_msg_send`, `ZMQ_SNDMORE` on all but the last.
    ///
    /// With `nonBlocking`, only the first frame may report "would block": once libzmq accepted the first
    /// frame of a multipart message it accepts the rest (delivery is atomic), so later frames are sent
    /// without `ZMQ_DONTWAIT`.
    ///
    /// - Returns: `false` if the first frame would block (`EAGAIN`), `true` once libzmq accepted the message.
    func send(_ message: ZMQMessage, nonBlocking: Bool) throws(ZMQError) -> Bool {
        let frames = message.frames.isEmpty ? [[]] : message.frames
        return try withUnsafeTemporaryAllocation(of: zmq_msg_t.self, capacity: 1) { buffer throws(ZMQError) -> Bool in
            let msg = buffer.baseAddress!
            for (index, frame) in frames.enumerated() {
                let last = index == frames.count - 1
                var flags: Int32 = last ? 0 : ZMQ_SNDMORE
                if nonBlocking && index == 0 { flags |= ZMQ_DONTWAIT }
                try ZMQCall.run("zmq_msg_init_size", detail: detail("\(frame.count) bytes")) {
                    zmq_msg_init_size(msg, frame.count)
                }
                if !frame.isEmpty {
                    frame.withUnsafeBytes { source in
                        zmq_msg_data(msg).copyMemory(from: source.baseAddress!, byteCount: source.count)
                    }
                }
                let result: ZMQCallResult<Int32>
                do throws(ZMQError) {
                    result = try ZMQCall.run("zmq_msg_send", detail: detail("frame \(index + 1)/\(frames.count)")) {
                        zmq_msg_send(msg, pointer, flags)
                    }
                } catch {
                    zmq_msg_close(msg)
                    throw error
                }
                guard case .done = result else {
                    zmq_msg_close(msg)
                    precondition(index == 0, "zmq_msg_send: later frame of a multipart message would block")
                    return false
                }
                // A successfully sent message is owned by libzmq; the zmq_msg_t is now empty.
            }
            return true
        }
    }

    /// Receives one complete message with `zmq_msg_recv`, looping while `ZMQ_RCVMORE` is set.
    ///
    /// - Returns: `nil` if no message is available (`EAGAIN`: non-blocking, or `ZMQ_RCVTIMEO` expired).
    func receive(nonBlocking: Bool) throws(ZMQError) -> ZMQMessage? {
        try withUnsafeTemporaryAllocation(of: zmq_msg_t.self, capacity: 1) { buffer throws(ZMQError) -> ZMQMessage? in
            let msg = buffer.baseAddress!
            var frames: [[UInt8]] = []
            while true {
                try ZMQCall.run("zmq_msg_init", detail: detail("receive")) { zmq_msg_init(msg) }
                defer { zmq_msg_close(msg) }
                // Frames after the first are already queued (atomic delivery), so they never wait.
                let flags: Int32 = nonBlocking && frames.isEmpty ? ZMQ_DONTWAIT : 0
                let result = try ZMQCall.run("zmq_msg_recv", detail: detail("frame \(frames.count + 1)")) {
                    zmq_msg_recv(msg, pointer, flags)
                }
                guard case .done = result else {
                    precondition(frames.isEmpty, "zmq_msg_recv: later frame of a multipart message would block")
                    return nil
                }
                let size = zmq_msg_size(msg)
                if size == 0 {
                    frames.append([])
                } else {
                    let start = UnsafeRawPointer(zmq_msg_data(msg)!)
                    frames.append(Array(UnsafeRawBufferPointer(start: start, count: size)))
                }
                if zmq_msg_more(msg) == 0 {
                    return ZMQMessage(frames: frames)
                }
            }
        }
    }

    /// Waits up to `timeout` for `events` on this socket alone (`zmq_poll`).
    func poll(events: PollEvents, timeout: Duration) throws(ZMQError) -> PollEvents {
        var item = zmq_pollitem_t(socket: pointer, fd: -1, events: events.rawValue, revents: 0)
        let milliseconds = Int(timeout.zmqMilliseconds)
        let result = try ZMQCall.run("zmq_poll", detail: detail("timeout \(milliseconds) ms")) {
            zmq_poll(&item, 1, milliseconds)
        }
        guard case .done(let count) = result, count > 0 else { return [] }
        return PollEvents(rawValue: item.revents)
    }
}

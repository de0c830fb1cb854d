import Foundation
import Glibc
import Synchronization

/// A datagram socket standing in for systemd's NOTIFY_SOCKET; collects every state line received.
final class NotifyListener: Sendable {
    let path: String
    private let fd: Int32
    private let received = Mutex<[String]>([])

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "enrichd-notify-\(UUID().uuidString.prefix(8))"
            ).path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw E2EError("socket() failed") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else { throw E2EError("bind(\(path)) failed: errno \(errno)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Every datagram received so far (reads what is pending first).
    var messages: [String] {
        drain()
        return received.withLock { $0 }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard count > 0 else { return }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            received.withLock { $0.append(text) }
        }
    }

    /// Waits until a datagram containing the line `assignment` arrived.
    func waitFor(_ assignment: String, timeout: Duration) -> Bool {
        eventually(timeout: timeout) {
            messages.contains { $0.split(separator: "\n").contains(Substring(assignment)) }
        }
    }
}

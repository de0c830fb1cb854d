/// The stored form of a multipart message: each frame as a 4-byte little-endian length and its bytes.
enum SpoolRecord {
    static func encode(_ frames: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(frames.reduce(0) { $0 + 4 + $1.count })
        for frame in frames {
            let count = UInt32(frame.count)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: count >> shift)) }
            bytes.append(contentsOf: frame)
        }
        return bytes
    }

    /// The frames of a stored record, or `nil` if a length runs past the end.
    static func decode(_ bytes: [UInt8]) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        var index = 0
        while index < bytes.count {
            guard bytes.count - index >= 4 else { return nil }
            var count = 0
            for offset in 0..<4 { count |= Int(bytes[index + offset]) << (8 * offset) }
            index += 4
            guard bytes.count - index >= count else { return nil }
            frames.append(Array(bytes[index..<index + count]))
            index += count
        }
        return frames.isEmpty ? nil : frames
    }
}

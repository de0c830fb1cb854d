import CEnrichdModels

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tagger's weights: an open-addressing table of 32-byte slots, one per feature, so that looking up a
/// feature touches one cache line.
///
/// A slot holds a 32-bit check of the feature hash (0 = empty), the row's scale (Float32) and one signed
/// byte per tag (weight = byte × scale); the last 7 bytes are padding. A one-bit-per-check filter (16
/// bits per feature, small enough for the L2 cache) answers most look-ups of absent features — word
/// pairs never seen in training — without touching the table. Immutable once built.
final class FeatureTable: @unchecked Sendable {
    static let slotBytes = 32
    static let weightOffset = 8

    /// The number of slots (a power of two).
    let slots: Int
    private let base: UnsafeMutableRawPointer
    private var filter: UnsafeMutablePointer<UInt64>
    private var filterMask: UInt32 = 0

    /// An empty table of `slots` slots.
    init(slots: Int) {
        precondition(slots > 0 && slots & (slots - 1) == 0)
        self.slots = slots
        base = UnsafeMutableRawPointer.allocate(byteCount: slots * Self.slotBytes, alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: slots * Self.slotBytes)
        filter = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        filter.initialize(to: 0)
    }

    /// Rebuilds the filter from the stored checks.
    private func buildFilter() {
        filter.deallocate()
        var bits = 1024
        while bits < count * 16 { bits <<= 1 }
        filter = UnsafeMutablePointer<UInt64>.allocate(capacity: bits / 64)
        filter.initialize(repeating: 0, count: bits / 64)
        filterMask = UInt32(bits - 1)
        for slot in 0..<slots {
            let c = base.load(fromByteOffset: slot * Self.slotBytes, as: UInt32.self)
            guard c != 0 else { continue }
            let bit = UInt32(littleEndian: c) & filterMask
            filter[Int(bit >> 6)] |= 1 << UInt64(bit & 63)
        }
    }

    /// Whether a feature with this check may be stored.
    @inline(__always)
    private func mayContain(_ check: UInt32) -> Bool {
        let bit = check & filterMask
        return filter[Int(bit >> 6)] >> UInt64(bit & 63) & 1 != 0
    }

    /// A table read from `bytes` (`slots × 32` bytes, little-endian).
    convenience init(slots: Int, bytes: UnsafeRawBufferPointer) {
        self.init(slots: slots)
        base.copyMemory(from: bytes.baseAddress!, byteCount: slots * Self.slotBytes)
        buildFilter()
    }

    /// Builds the table from averaged weights, rows whose largest weight is below `threshold` left out.
    convenience init(rows: [UInt64: [Float]], threshold: Float) {
        let kept = rows.filter { $0.value.contains { abs($0) >= threshold } }.sorted { $0.key < $1.key }
        var slots = 1024
        while slots * 7 < kept.count * 10 { slots <<= 1 }
        self.init(slots: slots)
        for (hash, row) in kept {
            let check = Self.check(hash)
            var slot = Int(truncatingIfNeeded: hash) & (slots - 1)
            while base.load(fromByteOffset: slot * Self.slotBytes, as: UInt32.self) != 0 {
                slot = (slot + 1) & (slots - 1)
            }
            let p = base + slot * Self.slotBytes
            let largest = row.reduce(0) { max($0, abs($1)) }
            let scale = largest / 127
            p.storeBytes(of: check.littleEndian, as: UInt32.self)
            p.storeBytes(of: scale.bitPattern.littleEndian, toByteOffset: 4, as: UInt32.self)
            for t in 0..<EntityTag.count {
                let q = scale > 0 ? Int8(clamping: Int((row[t] / scale).rounded())) : 0
                p.storeBytes(of: q, toByteOffset: Self.weightOffset + t, as: Int8.self)
            }
        }
        buildFilter()
    }

    deinit {
        base.deallocate()
        filter.deallocate()
    }

    /// The slot bytes, for writing the model file.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: slots * Self.slotBytes) }

    /// The number of features stored.
    var count: Int {
        (0..<slots).reduce(0) { $0 + (base.load(fromByteOffset: $1 * Self.slotBytes, as: UInt32.self) == 0 ? 0 : 1) }
    }

    @inline(__always)
    static func check(_ hash: UInt64) -> UInt32 {
        let c = UInt32(truncatingIfNeeded: hash >> 32)
        return c == 0 ? 1 : c
    }

    /// Starts loading the slot where `hash` would be found.
    @inline(__always)
    func prefetch(_ hash: UInt64) {
        guard mayContain(Self.check(hash)) else { return }
        enrichd_prefetch(base + (Int(truncatingIfNeeded: hash) & (slots - 1)) * Self.slotBytes)
    }

    /// Adds the row of `hash`, if stored, to `scores` (one per tag).
    @inline(__always)
    func add(_ hash: UInt64, to scores: UnsafeMutablePointer<Float>) {
        guard mayContain(Self.check(hash)) else { return }
        let check = Self.check(hash).littleEndian
        let mask = slots - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let p = UnsafeRawPointer(base + slot * Self.slotBytes)
            let c = p.load(as: UInt32.self)
            if c == check {
                let scale = Float(bitPattern: UInt32(littleEndian: p.load(fromByteOffset: 4, as: UInt32.self)))
                enrichd_add_row(scores, (p + Self.weightOffset).assumingMemoryBound(to: CSignedChar.self), scale)
                return
            }
            if c == 0 { return }
            slot = (slot + 1) & mask
        }
    }
}

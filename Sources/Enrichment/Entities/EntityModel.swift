import CEnrichdModels

/// A trained entity tagger: hashed feature weights (16-bit, one row of ``EntityTag/count`` per
/// feature) in an open-addressing table keyed by a 32-bit check of the feature hash, plus the
/// ``Gazetteer`` and ``WordClusters`` its features read.
///
/// The file format (little-endian) is a 32-byte header — magic `ENRNER01`, tag count, slot count,
/// weight scale, gazetteer slot count, gazetteer longest entry, cluster slot count — then the
/// gazetteer keys and cluster keys (UInt64), the feature checks and cluster values (UInt32), the
/// weights (Int16) and the gazetteer values (UInt16).
public struct EntityModel: Sendable {
    static let magic: [UInt8] = Array("ENRNER01".utf8)

    var checks: [UInt32]
    var weights: [Int16]
    /// The value of one weight unit.
    var scale: Float
    /// The name lists the features read.
    public var gazetteer: Gazetteer
    /// The word clusters the features read.
    public var clusters: WordClusters

    /// The number of features with weights.
    public var featureCount: Int { checks.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    init(checks: [UInt32], weights: [Int16], scale: Float, gazetteer: Gazetteer, clusters: WordClusters) {
        self.checks = checks
        self.weights = weights
        self.scale = scale
        self.gazetteer = gazetteer
        self.clusters = clusters
    }

    /// Builds the table from trained weights, dropping features whose largest weight is below
    /// `threshold`.
    init(rows: [UInt64: [Float]], threshold: Float, gazetteer: Gazetteer, clusters: WordClusters) {
        let kept = rows.filter { $0.value.contains { abs($0) >= threshold } }
        var largest: Float = 0
        for row in kept.values { for w in row { largest = max(largest, abs(w)) } }
        let scale = largest > 0 ? largest / 32767 : 1
        var slots = 1024
        while slots * 7 < kept.count * 10 { slots <<= 1 }
        var checks = [UInt32](repeating: 0, count: slots)
        var weights = [Int16](repeating: 0, count: slots * EntityTag.count)
        for (hash, row) in kept.sorted(by: { $0.key < $1.key }) {
            let check = Self.check(hash)
            var slot = Int(truncatingIfNeeded: hash) & (slots - 1)
            while checks[slot] != 0 { slot = (slot + 1) & (slots - 1) }
            checks[slot] = check
            for t in 0..<EntityTag.count {
                weights[slot * EntityTag.count + t] = Int16((row[t] / scale).rounded())
            }
        }
        self.init(checks: checks, weights: weights, scale: scale, gazetteer: gazetteer, clusters: clusters)
    }

    @inline(__always)
    static func check(_ hash: UInt64) -> UInt32 {
        let c = UInt32(truncatingIfNeeded: hash >> 32)
        return c == 0 ? 1 : c
    }

    // MARK: - Files

    /// Reads a model file's bytes.
    ///
    /// - Throws: ``EntityModelError`` when the bytes are not a model of this version.
    public init(bytes: UnsafeRawBufferPointer) throws(EntityModelError) {
        guard bytes.count >= 32, Array(bytes[0..<8]) == Self.magic else { throw EntityModelError(.badMagic) }
        func u32(_ at: Int) -> Int { Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian) }
        guard u32(8) == EntityTag.count else { throw EntityModelError(.tagCount) }
        let slots = u32(12)
        let scale = Float(bitPattern: UInt32(u32(16)))
        let gazetteerSlots = u32(20)
        let maxTokens = u32(24)
        let clusterSlots = u32(28)
        let size = 32 + gazetteerSlots * 10 + clusterSlots * 12 + slots * (4 + 2 * EntityTag.count)
        func powerOfTwo(_ n: Int) -> Bool { n > 0 && n & (n - 1) == 0 }
        guard powerOfTwo(slots), powerOfTwo(gazetteerSlots), powerOfTwo(clusterSlots), bytes.count == size
        else { throw EntityModelError(.truncated) }
        func read<T: FixedWidthInteger>(_ offset: Int, _ count: Int, as type: T.Type) -> [T] {
            [T](unsafeUninitializedCapacity: count) { out, initialized in
                for i in 0..<count {
                    out[i] = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + i * T.bitWidth / 8, as: T.self))
                }
                initialized = count
            }
        }
        var offset = 32
        let gazetteerKeys = read(offset, gazetteerSlots, as: UInt64.self)
        offset += gazetteerSlots * 8
        let clusterKeys = read(offset, clusterSlots, as: UInt64.self)
        offset += clusterSlots * 8
        let checks = read(offset, slots, as: UInt32.self)
        offset += slots * 4
        let clusterValues = read(offset, clusterSlots, as: UInt32.self)
        offset += clusterSlots * 4
        let weights = read(offset, slots * EntityTag.count, as: Int16.self)
        offset += slots * EntityTag.count * 2
        let gazetteerValues = read(offset, gazetteerSlots, as: UInt16.self)
        self.init(
            checks: checks, weights: weights, scale: scale,
            gazetteer: Gazetteer(keys: gazetteerKeys, values: gazetteerValues, maxTokens: maxTokens),
            clusters: WordClusters(keys: clusterKeys, values: clusterValues))
    }

    /// The model file's bytes.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Self.magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(UInt32(EntityTag.count))
        put(UInt32(checks.count))
        put(scale.bitPattern)
        put(UInt32(gazetteer.keys.count))
        put(UInt32(gazetteer.maxTokens))
        put(UInt32(clusters.keys.count))
        for k in gazetteer.keys { put(k) }
        for k in clusters.keys { put(k) }
        for c in checks { put(c) }
        for v in clusters.values { put(v) }
        for w in weights { put(w) }
        for v in gazetteer.values { put(v) }
        return out
    }
}

extension EntityModel: EntityScorer {
    @inline(__always)
    func score(_ features: UnsafePointer<UInt64>, _ count: Int, into scores: UnsafeMutablePointer<Float>) {
        let tags = EntityTag.count
        var acc = (
            Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0),
            Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0)
        )
        checks.withUnsafeBufferPointer { checks in
            weights.withUnsafeBufferPointer { weights in
                withUnsafeMutableBytes(of: &acc) { raw in
                    let sums = raw.baseAddress!.assumingMemoryBound(to: Int32.self)
                    let mask = checks.count - 1
                    for f in 0..<count {
                        let hash = features[f]
                        let check = Self.check(hash)
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while true {
                            let c = checks[slot]
                            if c == check {
                                let row = weights.baseAddress! + slot * tags
                                for t in 0..<tags { sums[t] &+= Int32(row[t]) }
                                break
                            }
                            if c == 0 { break }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        withUnsafeBytes(of: &acc) { raw in
            let sums = raw.baseAddress!.assumingMemoryBound(to: Int32.self)
            for t in 0..<tags { scores[t] = Float(sums[t]) * scale }
        }
    }

    func learn(_ features: UnsafePointer<UInt64>, _ count: Int, gold: EntityTag, predicted: EntityTag) {}

    func tick() {}
}

extension EntityModel {
    /// The model shipped inside the binary.
    ///
    /// - Throws: ``EntityModelError`` if the embedded bytes are damaged.
    public static func builtIn() throws(EntityModelError) -> EntityModel {
        try EntityModel(bytes: UnsafeRawBufferPointer(start: enrichd_entity_model_bytes(), count: enrichd_entity_model_size()))
    }
}

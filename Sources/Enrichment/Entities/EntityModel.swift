import CEnrichdModels

/// A trained entity tagger: the hashed feature weights (a ``FeatureTable``) plus the ``Gazetteer`` and
/// ``WordClusters`` its features read.
///
/// The file format (little-endian) is a 32-byte header — magic `ENRNER02`, tag count, feature slot
/// count, reserved, gazetteer slot count, gazetteer longest entry, cluster slot count — then
/// the gazetteer keys and cluster keys (UInt64), the feature slots (32 bytes each), the cluster values
/// (UInt32) and the gazetteer values (UInt16).
public struct EntityModel: Sendable {
    static let magic: [UInt8] = Array("ENRNER02".utf8)

    let table: FeatureTable
    /// The name lists the features read.
    public var gazetteer: Gazetteer
    /// The word clusters the features read.
    public var clusters: WordClusters

    /// The number of features with weights.
    public var featureCount: Int { table.count }

    init(table: FeatureTable, gazetteer: Gazetteer, clusters: WordClusters) {
        self.table = table
        self.gazetteer = gazetteer
        self.clusters = clusters
    }

    /// Builds the model from trained weights, dropping features whose largest weight is below
    /// `threshold`.
    init(rows: [UInt64: [Float]], threshold: Float, gazetteer: Gazetteer, clusters: WordClusters) {
        self.init(table: FeatureTable(rows: rows, threshold: threshold), gazetteer: gazetteer, clusters: clusters)
    }

    // MARK: - Files

    /// Reads a model file's bytes.
    ///
    /// - Throws: ``EntityModelError`` when the bytes are not a model of this version.
    public init(bytes: UnsafeRawBufferPointer) throws(EntityModelError) {
        guard bytes.count >= 32, Array(bytes[0..<8]) == Self.magic else { throw EntityModelError(.badMagic) }
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        guard u32(8) == EntityTag.count else { throw EntityModelError(.tagCount) }
        let slots = u32(12)
        let gazetteerSlots = u32(20)
        let maxTokens = u32(24)
        let clusterSlots = u32(28)
        func powerOfTwo(_ n: Int) -> Bool { n > 0 && n & (n - 1) == 0 }
        let size = 32 + gazetteerSlots * 10 + clusterSlots * 12 + slots * FeatureTable.slotBytes
        guard powerOfTwo(slots), powerOfTwo(gazetteerSlots), powerOfTwo(clusterSlots), bytes.count == size else {
            throw EntityModelError(.truncated)
        }
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
        let table = FeatureTable(
            slots: slots, bytes: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + slots * FeatureTable.slotBytes)]))
        offset += slots * FeatureTable.slotBytes
        let clusterValues = read(offset, clusterSlots, as: UInt32.self)
        offset += clusterSlots * 4
        let gazetteerValues = read(offset, gazetteerSlots, as: UInt16.self)
        self.init(
            table: table,
            gazetteer: Gazetteer(keys: gazetteerKeys, values: gazetteerValues, maxTokens: maxTokens),
            clusters: WordClusters(keys: clusterKeys, values: clusterValues))
    }

    /// The model file's bytes.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Self.magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(UInt32(EntityTag.count))
        put(UInt32(table.slots))
        put(UInt32(0))
        put(UInt32(gazetteer.keys.count))
        put(UInt32(gazetteer.maxTokens))
        put(UInt32(clusters.keys.count))
        for k in gazetteer.keys { put(k) }
        for k in clusters.keys { put(k) }
        out.append(contentsOf: table.bytes)
        for v in clusters.values { put(v) }
        for v in gazetteer.values { put(v) }
        return out
    }
}

extension EntityModel: EntityScorer {
    @inline(__always)
    func score(
        _ features: UnsafePointer<UInt64>,
        staticCount: Int,
        count: Int,
        key: UInt64,
        cache: ScoreCache,
        into scores: UnsafeMutablePointer<Float>
    ) {
        for f in staticCount..<count { table.prefetch(features[f]) }
        cache.scores(key, into: scores) { row in
            for f in 0..<staticCount { table.add(features[f], to: row) }
        }
        for f in staticCount..<count { table.add(features[f], to: scores) }
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

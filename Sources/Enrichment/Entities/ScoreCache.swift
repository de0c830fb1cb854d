/// The scores of the text-only features of recently seen word forms, so that a frequent word (`the`,
/// `said`, `,`) costs one probe instead of a dozen weight-table look-ups.
///
/// Direct-mapped and owned by one ``EntityTagger/Workspace``; it remembers which model filled it and
/// empties itself when used with another. The memory (about 300 KB) is allocated on the heap
/// explicitly: the optimiser must never place it on a task's small stack.
///
/// `@unchecked Sendable`: it is only touched through the workspace that owns it, which is used by one
/// article at a time (passed `inout`) and handed between threads only through ``WorkspacePool``'s lock.
final class ScoreCache: @unchecked Sendable {
    static let entries = 4096

    private let keys: UnsafeMutablePointer<UInt64>
    private let rows: UnsafeMutablePointer<Float>
    private var owner: ObjectIdentifier?

    init() {
        keys = .allocate(capacity: Self.entries)
        keys.initialize(repeating: 0, count: Self.entries)
        rows = .allocate(capacity: Self.entries * EntityTag.count)
        rows.initialize(repeating: 0, count: Self.entries * EntityTag.count)
    }

    deinit {
        keys.deallocate()
        rows.deallocate()
    }

    /// Empties the cache unless it was filled by `model`.
    func use(for model: ObjectIdentifier) {
        guard owner != model else { return }
        owner = model
        keys.update(repeating: 0, count: Self.entries)
    }

    /// Copies the cached scores of `key` to `out`, computing and storing them with `fill` on a miss.
    @inline(__always)
    func scores(_ key: UInt64, into out: UnsafeMutablePointer<Float>, fill: (UnsafeMutablePointer<Float>) -> Void) {
        let key = key == 0 ? 1 : key
        let slot = Int(truncatingIfNeeded: key >> 20) & (Self.entries - 1)
        let row = rows + slot * EntityTag.count
        if keys[slot] != key {
            row.update(repeating: 0, count: EntityTag.count)
            fill(row)
            keys[slot] = key
        }
        out.update(from: row, count: EntityTag.count)
    }
}

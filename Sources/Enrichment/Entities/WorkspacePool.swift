internal import Synchronization

/// Tagger workspaces kept between articles, so that each article reuses warm buffers and a warm
/// score cache instead of allocating them. Holds at most `limit` idle workspaces (one per worker is
/// enough); a workspace is never used by two articles at once.
final class WorkspacePool: Sendable {
    private let idle = Mutex<[EntityTagger.Workspace]>([])
    private let limit: Int

    init(limit: Int = 64) {
        self.limit = limit
    }

    /// Runs `body` with a workspace taken from the pool (or a new one) and puts it back afterwards.
    func with<R>(_ body: (inout EntityTagger.Workspace) -> R) -> R {
        var workspace = idle.withLock { $0.popLast() } ?? EntityTagger.Workspace()
        let result = body(&workspace)
        idle.withLock { pool in
            if pool.count < limit { pool.append(workspace) }
        }
        return result
    }
}

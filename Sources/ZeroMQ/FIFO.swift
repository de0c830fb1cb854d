/// A first-in first-out queue with amortised O(1) `append` and `popFirst`, for the I/O bridges.
struct FIFO<Element> {
    private var storage: [Element] = []
    private var head = 0

    /// The number of queued elements.
    var count: Int { storage.count - head }

    /// Whether the queue is empty.
    var isEmpty: Bool { head == storage.count }

    /// The oldest element, if any.
    var first: Element? { isEmpty ? nil : storage[head] }

    /// Adds `element` at the end.
    mutating func append(_ element: Element) {
        storage.append(element)
    }

    /// Removes and returns the oldest element.
    mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Removes and returns the first element matching `predicate`, keeping the order of the others.
    mutating func remove(firstWhere predicate: (Element) -> Bool) -> Element? {
        guard let index = storage[head...].firstIndex(where: predicate) else { return nil }
        return storage.remove(at: index)
    }

    /// Removes and returns every element, oldest first.
    mutating func removeAll() -> [Element] {
        let elements = Array(storage[head...])
        storage.removeAll()
        head = 0
        return elements
    }
}

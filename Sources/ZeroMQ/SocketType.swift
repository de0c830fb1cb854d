internal import CZeroMQ

/// The libzmq socket patterns supported by this wrapper.
///
/// The raw value is the lower-case pattern name used in configuration files (`"push"`, `"sub"`, …).
/// Note that PUB and XPUB never block a sender: at the high-water mark libzmq drops messages.
public enum SocketType: String, Sendable, CaseIterable {
    /// Publisher (`ZMQ_PUB`): fan-out, drops at the high-water mark.
    case pub
    /// Subscriber (`ZMQ_SUB`): receives only messages matching a ``SocketOption/subscribe(_:)`` prefix.
    case sub
    /// Pipeline sender (`ZMQ_PUSH`): round-robin to connected PULL peers, blocks at the high-water mark.
    case push
    /// Pipeline receiver (`ZMQ_PULL`): fair-queues from PUSH peers.
    case pull
    /// Exclusive pair (`ZMQ_PAIR`).
    case pair
    /// Request (`ZMQ_REQ`): strict send/receive alternation.
    case req
    /// Reply (`ZMQ_REP`): strict receive/send alternation.
    case rep
    /// Extended publisher (`ZMQ_XPUB`): also receives subscription messages.
    case xpub
    /// Extended subscriber (`ZMQ_XSUB`): subscribes by sending messages.
    case xsub
    /// Asynchronous request (`ZMQ_DEALER`).
    case dealer
    /// Asynchronous reply with routing ids (`ZMQ_ROUTER`).
    case router

    /// The `ZMQ_*` constant for `zmq_socket`.
    var rawType: Int32 {
        switch self {
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .pair: ZMQ_PAIR
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .xpub: ZMQ_XPUB
        case .xsub: ZMQ_XSUB
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        }
    }

    /// The case for a `ZMQ_TYPE` value, or `nil` for types this wrapper does not model.
    init?(rawType: Int32) {
        guard let match = Self.allCases.first(where: { $0.rawType == rawType }) else { return nil }
        self = match
    }
}

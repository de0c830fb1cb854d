/// A video, image or caption found in the content and taken out of the body.
public struct MediaItem: Sendable, Hashable {
    /// What kind of media.
    public enum Kind: String, Sendable, Hashable {
        /// A video teaser (title and duration).
        case video
        /// An image reference (usually a file name).
        case image
        /// A photo caption.
        case caption
    }

    /// What kind of media.
    public var kind: Kind
    /// The title (video), description (image) or caption text.
    public var text: String
    /// The duration of a video in seconds.
    public var durationSeconds: Int?
    /// Who supplied it (`CNN`, `Getty Images`).
    public var credit: String?
    /// The image file name.
    public var fileName: String?

    /// Creates a media item.
    public init(kind: Kind, text: String, durationSeconds: Int? = nil, credit: String? = nil, fileName: String? = nil) {
        self.kind = kind
        self.text = text
        self.durationSeconds = durationSeconds
        self.credit = credit
        self.fileName = fileName
    }
}

extension String {
    /// A string of bytes already known to be valid UTF-8, copied without validating them again.
    ///
    /// For slices of text that was a `String` to begin with and was cut only at scalar boundaries (the
    /// lines and body of a ``LineDocument``). Debug builds check the bytes.
    init(validUTF8 buffer: UnsafeBufferPointer<UInt8>) {
        assert((try? UTF8Span(validating: buffer.span)) != nil, "invalid UTF-8")
        self.init(copying: UTF8Span(unchecked: buffer.span))
    }
}

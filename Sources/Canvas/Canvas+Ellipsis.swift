extension Canvas {
    /// Writes `text` like `put(_:x:y:style:limit:)`, but text wider than `limit` columns
    /// is cut short of it and ends with `ellipsis`, so a reader can tell it was cut.
    /// Returns the columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int, ellipsis: String) -> Int {
        guard DisplayWidth.of(text) > limit else { return put(text, x: x, y: y, style: style, limit: limit) }
        let written = put(text, x: x, y: y, style: style, limit: max(0, limit - DisplayWidth.of(ellipsis)))
        return written + put(ellipsis, x: x + written, y: y, style: style, limit: limit - written)
    }
}

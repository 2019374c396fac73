extension Canvas {
    /// The frame as a terminal without colours must show it: every style reduced to its
    /// attributes. Screens draw in colour and reduce once at the end, so no drawing code
    /// needs to know whether colours exist; meaning carried by colour alone must also be
    /// carried by a glyph or an attribute.
    public func monochrome() -> Canvas {
        var copy = self
        copy.reduceToMonochrome()
        return copy
    }

    /// `monochrome()` in place.
    public mutating func reduceToMonochrome() {
        restyle(bounds) { $0 = $0.monochrome }
    }
}

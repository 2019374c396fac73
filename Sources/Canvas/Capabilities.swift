/// What the terminal can show, decided once at start-up by the terminal layer (from
/// terminfo, NO_COLOR and the locale) and honoured by everything that draws.
public struct Capabilities: Hashable, Sendable {
    /// Colours may be used; otherwise styles are reduced to attributes.
    public var color: Bool
    /// Unicode box drawing and symbols may be used; otherwise plain ASCII.
    public var unicode: Bool

    public init(color: Bool, unicode: Bool) {
        self.color = color
        self.unicode = unicode
    }

    public static let full = Capabilities(color: true, unicode: true)
    public static let plain = Capabilities(color: false, unicode: false)
}

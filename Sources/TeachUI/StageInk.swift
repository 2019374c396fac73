import Canvas
import NetSim

/// What the renderer put on the stage that the legend explains, recorded as it draws:
/// the legend is built from this record, never by reading the cells back, and names
/// exactly what was drawn.
struct StageInk {
    /// The symbols drawn, a bit each at their `ordinal`.
    private var drawn: UInt64 = 0
    /// The symbols drawn at least once beside a name that does not say what they mean:
    /// "▦ index" needs the legend's "▦ server", "▦ server" does not.
    private var unexplained: UInt64 = 0
    /// A box drawn with a heavy border: the lesson points at it.
    var focus = false
    /// A grid cell drawn as a shade of how much of the file its node holds.
    var shades = false
    /// A count drawn beside a message ("■3": three alike there at once), the first one.
    var count: (kind: MessageKind, text: String)?
    /// A server's badge counting the requests waiting in its queue ("busy +3"), the first one.
    var waiting: Int?
    /// Messages drawn and messages in flight, when paths that would cross the others were
    /// left out of a busy picture.
    var leftOut: (drawn: Int, inFlight: Int)?
    /// The hops of a search drawn in front of names (0: the asker), in order.
    var hops: [Int] = []

    mutating func insert(_ symbol: StageSymbol) {
        drawn |= 1 << UInt64(symbol.ordinal)
        unexplained |= 1 << UInt64(symbol.ordinal)
    }

    /// A symbol drawn in front of a node's name: a name that contains the word of the
    /// node's role ("server", "seed-2") explains its icon there. A mark always needs the
    /// legend.
    mutating func insert(_ symbol: StageSymbol, beside name: String) {
        drawn |= 1 << UInt64(symbol.ordinal)
        let isIcon = switch symbol {
        case .role, .seed: true
        case .mark, .message: false
        }
        if !isIcon || !name.lowercased().contains(SymbolLook.of(symbol).word) { unexplained |= 1 << UInt64(symbol.ordinal) }
    }

    func contains(_ symbol: StageSymbol) -> Bool { drawn & (1 << UInt64(symbol.ordinal)) != 0 }

    /// Whether the legend must say what the symbol means: drawn somewhere its name does not.
    func needsWord(_ symbol: StageSymbol) -> Bool { unexplained & (1 << UInt64(symbol.ordinal)) != 0 }
}

/// The stage's legend, in two places that each mean one thing: along the top border who
/// is who (the nodes' icons, the boxes the lesson points at, how nodes reach each other),
/// along the bottom what is happening (what went wrong first, then who sends and what
/// travels).
struct StageLegend: Hashable, Sendable {
    var cast: [LegendEntry] = []
    var events: [LegendEntry] = []

    var all: [LegendEntry] { cast + events }
}

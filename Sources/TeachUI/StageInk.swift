import Canvas
import NetSim

/// What the renderer put on the stage that the legend explains, recorded as it draws:
/// the legend is built from this record, never by reading the cells back, and names
/// exactly what was drawn.
struct StageInk {
    /// The symbols drawn, a bit each at their `ordinal`: the legend names every one, even
    /// beside a name that says the same ("▦ server"), so it lists exactly what is on screen.
    private var drawn: UInt64 = 0
    /// A box drawn with a heavy border: the lesson points at it.
    var focus = false
    /// A grid cell drawn as a shade of how much of the file its node holds.
    var shades = false
    /// A count drawn beside a message ("■3": three alike there at once), the first one.
    var count: (kind: MessageKind, text: String)?
    /// A server's badge counting the requests waiting in its queue ("busy +3"), the first one.
    var waiting: Int?
    /// A box marked busy: its server is handling a request.
    var busy = false
    /// A box's count of what it sends at once ("↑4"), the first one.
    var sendingCount: Int?
    /// The chunks a node rejected, beside its mark ("⊠3"), the first one.
    var rejectedCount: Int?
    /// Messages drawn and messages in flight, when paths that would cross the others were
    /// left out of a busy picture.
    var leftOut: (drawn: Int, inFlight: Int, crossing: Bool)?
    /// An arrowhead at the end of a message's path ("─▸"), still in sight once everything
    /// else is drawn.
    var heads = false
    /// The share of the file a peer the lesson points at holds ("34%"), the first one.
    var held: String?
    /// The hops of a search drawn in front of names (0: the asker), in order.
    var hops: [Int] = []

    mutating func insert(_ symbol: StageSymbol) {
        drawn |= 1 << UInt64(symbol.ordinal)
    }

    func contains(_ symbol: StageSymbol) -> Bool { drawn & (1 << UInt64(symbol.ordinal)) != 0 }
}

/// The stage's legend, in two places that each mean one thing: along the top border who
/// is who (the nodes' icons, the boxes the lesson points at, what lines mean), along the
/// bottom what is happening (what went wrong first, then who sends and what travels).
/// Who is who that does not fit the top goes on along the bottom (`LessonScreenView`).
struct StageLegend: Hashable, Sendable {
    var cast: [LegendEntry] = []
    var events: [LegendEntry] = []

    var all: [LegendEntry] { cast + events }
}

import Canvas
import NetSim

/// Something wrong (or worth seeing) marked on the stage where it is: on a node, in
/// front of its name, or on a link. The legend names each in these words.
enum StageMark: Int, Hashable, Sendable, CaseIterable {
    /// The node is down.
    case down
    /// The node left the network (drawn where it was) or the swarm.
    case left
    /// A peer still in the swarm lacks a chunk nobody left in it holds: it cannot finish.
    case stranded
    /// A request was thrown away at a server's full queue a moment ago: marked at the
    /// server that threw it away.
    case dropped
    /// A message could not arrive a moment ago (its receiver is down, its link cut):
    /// marked on the client whose request (or answer) it was, else on its receiver. The
    /// legend says "message lost": the message was lost, not the node.
    case lost
    /// This node's message (a client's latest request) has no way to its receiver: no
    /// link joins them, so it cannot leave the node at all.
    case noLink
    /// The server's queue is full.
    case queueFull
    /// This node has thrown away chunks that failed their hash check (how many, beside it).
    case rejected
    /// This cache answered a request from its fresh copy a moment ago.
    case hit
    /// This cache had no fresh copy for a request and is fetching one from its origin now.
    case miss
    /// The node serves corrupt chunks on purpose.
    case malicious
    /// The node holds a corrupt chunk (and may pass it on unknowing).
    case poisoned
    /// The node relays a call between two peers that cannot reach each other.
    case relay
    /// This client's latest request was given up after its timeouts.
    case gaveUp
    /// This client's latest request was refused by access control.
    case refused
    /// A server with access control on: it lets in only the clients on its list.
    case accessList
    /// A client a server with access control does not have on its list: what it asks
    /// there is refused (marked the moment it is taken off, before any refusal comes back).
    case unlisted
    /// The link is cut.
    case cut
    /// The node is sending data now (a response, a file, chunks).
    case sending
    /// A peer of the swarm (not a seed) that holds the whole file now.
    case whole
    /// A flood that is over never asked this peer: its hop limit ran out first.
    case unreached
    /// The node holds what the latest lookup asks for.
    case holder
}

extension StageMark {
    /// A mark the latest search leaves (the holder of what it asks for, a peer a flood
    /// never reached): nothing is wrong with the node, so the hop it was asked at still
    /// shows, and the legend names it beside the hops.
    var isSearch: Bool { self == .holder || self == .unreached }
}

/// Everything the stage's legend can explain with a glyph.
enum StageSymbol: Hashable, Sendable {
    case message(MessageKind)
    case mark(StageMark)
    /// A seed of a swarm: the role a node takes in the exchange, whatever it was set up as.
    case seed
    /// What a node is (or does, for a peer of a swarm), in front of its name when it has no mark.
    case role(Role)

    /// Every symbol, each once: its place here is its `ordinal`.
    static let all: [StageSymbol] = StageMark.allCases.map(StageSymbol.mark) + [.seed]
        + Role.allCases.map(StageSymbol.role) + MessageKind.allCases.map(StageSymbol.message)

    /// The symbol's place in `all`, for keeping a set of them in a word.
    var ordinal: Int {
        switch self {
        case let .mark(mark): mark.rawValue
        case .seed: StageMark.allCases.count
        case let .role(role): StageMark.allCases.count + 1 + Role.allCases.firstIndex(of: role)!
        case let .message(kind): StageMark.allCases.count + 1 + Role.allCases.count + MessageKind.allCases.firstIndex(of: kind)!
        }
    }
}

/// How a symbol is drawn and named: the one table every glyph, colour and legend word of
/// the stage comes from, and for a mark the inspector's sentence too, so a new kind of
/// message or mark is added in one place. The ASCII glyphs are all different from each
/// other and from the line and box glyphs, and no meaning rests on colour alone.
struct SymbolLook: Hashable, Sendable {
    let unicode: Character
    let ascii: Character
    let style: Style
    /// The legend's words for it.
    let word: String
    /// For a mark: what it says happened, as the inspector of a marked node tells it
    /// (the legend has only its word).
    var meaning: String?
    /// Shorter words for the legend where its whole word does not fit, each shorter than
    /// the last (`StageLegend.borders`).
    var shorter: [String] = []

    static func of(_ symbol: StageSymbol) -> SymbolLook {
        switch symbol {
        case let .message(kind): of(kind)
        case let .mark(mark): of(mark)
        case .seed: SymbolLook(unicode: "◎", ascii: "P", style: Style(foreground: .green, attributes: .bold), word: "seed")
        case let .role(role): of(role)
        }
    }

    private static func of(_ role: Role) -> SymbolLook {
        switch role {
        case .server: SymbolLook(unicode: "▦", ascii: "S", style: Style(foreground: .blue, attributes: .bold), word: "server")
        case .client: SymbolLook(unicode: "□", ascii: "c", style: .plain, word: "client")
        case .peer: SymbolLook(unicode: "◉", ascii: "p", style: .fg(.green), word: "peer")
        case .tracker: SymbolLook(unicode: "◈", ascii: "T", style: Style(foreground: .magenta), word: "tracker")
        case .supernode: SymbolLook(unicode: "✦", ascii: "N", style: Style(foreground: .cyan, attributes: .bold), word: "supernode")
        case .cache: SymbolLook(unicode: "◫", ascii: "E", style: .fg(.blue), word: "cache")
        }
    }

    private static func of(_ kind: MessageKind) -> SymbolLook {
        switch kind {
        case .request: SymbolLook(unicode: "●", ascii: "o", style: Style(foreground: .yellow, attributes: .bold), word: kind.title)
        case .response: SymbolLook(unicode: "◆", ascii: "@", style: Style(foreground: .green, attributes: .bold), word: kind.title)
        case .refused: of(StageMark.refused)
        case .file: SymbolLook(unicode: "▬", ascii: "$", style: Style(foreground: .cyan, attributes: .bold), word: kind.title)
        case .chunk: SymbolLook(unicode: "■", ascii: "#", style: Style(foreground: .cyan, attributes: .bold), word: kind.title)
        case .corruptChunk: SymbolLook(unicode: "▣", ascii: "%", style: Style(foreground: .red, attributes: [.bold, .reverse]), word: "corrupt")
        case .lookup: SymbolLook(unicode: "○", ascii: "?", style: Style(foreground: .magenta, attributes: .bold), word: kind.title)
        case .lookupReply:
            SymbolLook(unicode: "◇", ascii: ")", style: Style(foreground: .magenta, attributes: .bold), word: kind.title, shorter: ["reply"])
        case .peerList:
            SymbolLook(unicode: "≡", ascii: "&", style: Style(foreground: .blue, attributes: .bold), word: kind.title, shorter: ["peers"])
        case .call: SymbolLook(unicode: "≈", ascii: "~", style: Style(foreground: .blue, attributes: .bold), word: kind.title)
        case .control: SymbolLook(unicode: "·", ascii: ".", style: Style(attributes: .dim), word: kind.title)
        }
    }

    private static func of(_ mark: StageMark) -> SymbolLook {
        let alarm = Style(foreground: .red, attributes: .bold)
        func look(_ unicode: Character, _ ascii: Character, _ style: Style, _ word: String, _ meaning: String, shorter: [String] = []) -> SymbolLook {
            SymbolLook(unicode: unicode, ascii: ascii, style: style, word: word, meaning: meaning, shorter: shorter)
        }
        return switch mark {
        case .down: look("✕", "X", Style(foreground: .red, attributes: .dim), "down", "it is switched off; whatever is sent to it is lost")
        case .left: look("◌", "_", Style(attributes: .dim), "left", "it has left the network for good")
        case .stranded:
            look("◔", "n", Style(foreground: .yellow, attributes: .bold), "no source",
                 "it lacks a chunk that nobody still in the swarm holds, so it cannot finish", shorter: ["stuck"])
        case .dropped: look("⊗", "D", alarm, "dropped", "a request was thrown away at a full queue a moment ago")
        case .lost:
            look("⊖", "L", alarm, "message lost",
                 "its request, or the answer to it, could not arrive (the receiver is down, or the link is cut); the node itself is fine",
                 shorter: ["lost"])
        case .noLink:
            look("⊣", "]", alarm, "no link: not sent",
                 "its message has no link to travel on, so it never left; its latest request could not be sent", shorter: ["no link"])
        // Not "!": after a name ("▦ server!") it read as an exclamation.
        case .queueFull: look("▥", "Q", alarm, "queue full", "its queue is full, so the next request is dropped", shorter: ["full"])
        case .rejected:
            look("⊠", "<", Style(foreground: .yellow, attributes: [.bold, .underline]), "rejected", "it threw away chunks that failed their hash check (how many, beside the mark)")
        case .hit: look("✓", "V", Style(foreground: .green, attributes: .bold), "hit", "it answered a request from its fresh copy a moment ago")
        case .miss: look("↺", "M", Style(foreground: .yellow, attributes: .bold), "miss: fetching", "it had no fresh copy, and fetches one from its origin",
                                 shorter: ["miss"])
        case .malicious: look("☠", "*", Style(foreground: .magenta, attributes: .bold), "malicious", "it sends corrupt chunks on purpose")
        case .poisoned: look("☣", ";", Style(foreground: .red, attributes: [.bold, .underline]), "poisoned", "it holds a corrupt chunk and may pass it on")
        case .relay: look("⇄", "R", Style(foreground: .blue, attributes: .bold), "relay",
                          "it passes a call's packets between two peers that cannot reach each other")
        case .gaveUp: look("∅", "0", Style(foreground: .yellow, attributes: .bold), "gave up", "its last request to end got no answer in time")
        case .refused: look("⊘", "x", alarm, "refused", "access control turned its last request to end away")
        case .accessList:
            look("☰", "A", Style(foreground: .blue, attributes: .bold), "access list", "it checks every request against its list and lets in only the clients on it",
                 shorter: ["list"])
        case .unlisted:
            look("⊄", "u", Style(foreground: .yellow, attributes: .bold), "not on list", "the access list of the server it asks does not name it, so its requests are refused",
                 shorter: ["unlisted"])
        case .whole: look("▰", "F", Style(foreground: .green, attributes: .bold), "whole file", "it holds every chunk of the file now", shorter: ["whole"])
        case .cut: look("✂", ":", alarm, "cut", "the link is cut")
        case .sending: look("↑", "^", Style(foreground: .cyan, attributes: .bold), "sending", "it is sending data now", shorter: ["sends", "up"])
        case .unreached: look("◦", "'", Style(attributes: .dim), "not reached", "the latest flood never asked it: its hop limit ran out first",
                                 shorter: ["unasked"])
        case .holder: look("★", "h", Style(foreground: .yellow, attributes: .bold), "holder", "it holds what the latest lookup asks for")
        }
    }
}

extension Theme {
    func glyph(_ symbol: StageSymbol) -> Character {
        let look = SymbolLook.of(symbol)
        return unicode ? look.unicode : look.ascii
    }

    func style(_ symbol: StageSymbol) -> Style { SymbolLook.of(symbol).style }
}

/// One entry of the stage's legend: a glyph drawn on the stage and what it means. An
/// entry without glyphs is a sentence about the whole stage (`StageRenderer.noLines`).
struct LegendEntry: Hashable, Sendable {
    var glyphs: String
    var style: Style
    var title: String
    /// What the entry says where its title does not fit, each shorter than the last.
    var shorter: [String] = []
}

extension MessageKind {
    /// Data a node sends for someone (an answer, a file, a piece of one), as opposed to
    /// asking, looking up, setting up a call or protocol chatter: what "sending" marks.
    var carriesData: Bool {
        switch self {
        case .response, .file, .chunk, .corruptChunk: true
        case .request, .refused, .lookup, .lookupReply, .peerList, .control, .call: false
        }
    }
}

extension StageRenderer {
    /// The legend's sentence for a stage of peers that any peer reaches straight, drawn
    /// with no standing lines: it names what it explains (the lines that are not there),
    /// so it cannot read as a stray remark.
    static let noLines = "no lines: any peer reaches any other"
    /// The same, shorter, for where the long form does not fit.
    static let noLinesShorter = ["no lines: any peer to any other", "no lines: any to any"]
    /// The same stage while messages travel on it: each line drawn is a message's way,
    /// there only while it travels (a standing line would be a link).
    static let travellingLines = "lines: only messages under way, any peer to any"
    static let travellingLinesShorter = ["lines: only messages under way", "lines: messages under way", "lines: under way"]
}

import Canvas
import NetSim

/// Every glyph and style the screens use, chosen once per frame from the terminal's
/// capabilities. Meaning never rests on colour alone: each message kind and node state
/// also has its own glyph or attribute, so monochrome screens say the same thing.
struct Theme: Sendable {
    let capabilities: Capabilities
    let glyphs: GlyphSet

    init(_ capabilities: Capabilities) {
        self.capabilities = capabilities
        glyphs = .for(capabilities)
    }

    var unicode: Bool { capabilities.unicode }

    // MARK: messages

    func glyph(_ kind: MessageKind) -> Character { glyph(.message(kind)) }

    func style(_ kind: MessageKind) -> Style { style(.message(kind)) }

    // MARK: nodes

    func glyph(_ role: Role) -> Character {
        switch role {
        case .server: unicode ? "▦" : "S"
        case .client: unicode ? "□" : "c"
        case .peer: unicode ? "◉" : "p"
        case .tracker: unicode ? "◈" : "T"
        case .supernode: unicode ? "✦" : "N"
        case .cache: unicode ? "◫" : "E"
        }
    }

    /// The glyph for what a node does: its part in a swarm when it takes part in one
    /// (a server seeding it is a seed, a client fetching it a peer), else its role.
    func glyph(_ node: SceneNode) -> Character {
        switch node.swarmRole {
        case .seed: glyph(.seed)
        case .peer: glyph(Role.peer)
        case nil: glyph(node.role)
        }
    }

    /// A node's name: in the style of what is wrong with it when that is the node as a
    /// whole (down, left, overloaded, malicious), else of what it does.
    func style(_ node: SceneNode, selected: Bool) -> Style {
        var style: Style
        if let mark = node.marks.first, [.down, .left, .dropped, .queueFull, .malicious].contains(mark) {
            style = self.style(.mark(mark))
        } else if node.swarmRole == .seed {
            style = self.style(.seed)
        } else {
            switch node.swarmRole == .peer ? .peer : node.role {
            case .server: style = Style(foreground: .blue, attributes: .bold)
            case .tracker: style = Style(foreground: .magenta)
            case .supernode: style = Style(foreground: .cyan, attributes: .bold)
            case .cache: style = .fg(.blue)
            case .client: style = .plain
            case .peer: style = .fg(.green)
            }
        }
        if node.isHighlighted && node.isUp && !node.isOverloaded {
            style.foreground = .yellow
            style.attributes.formUnion([.bold, .underline])
        }
        if selected { style.attributes.insert(.reverse) }
        return style
    }

    func border(_ node: SceneNode, selected: Bool) -> BorderWeight {
        if selected { return .double }
        return node.role.isHub || node.isOverloaded || node.isHighlighted ? .heavy : .light
    }

    // MARK: links

    let link = Style(attributes: .dim)
    let busyLink = Style(foreground: .yellow, attributes: .bold)
    let deadLink = Style(foreground: .red, attributes: .dim)

    // MARK: text and chrome

    func text(_ role: TextRole) -> Style {
        switch role {
        case .plain: .plain
        case .strong: Style(attributes: .bold)
        case .emphasis: Style(attributes: capabilities.color ? .italic : .underline)
        case .code: capabilities.color ? .fg(.cyan) : Style(attributes: .underline)
        }
    }

    let title = Style(attributes: [.bold, .reverse])
    let panelBorder = Style(attributes: .dim)
    let panelTitle = Style(attributes: .bold)
    let dim = Style(attributes: .dim)
    let key = Style(attributes: .bold)
    let alarm = Style(foreground: .red, attributes: .bold)
    let good = Style(foreground: .green, attributes: .bold)
    let meterFill = Style(foreground: .cyan)
    let meterEmpty = Style(attributes: .dim)
    let selection = Style(attributes: .reverse)
}

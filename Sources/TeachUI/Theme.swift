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

    func glyph(_ role: Role) -> Character { glyph(.role(role)) }

    /// A node's name: in the style of what is wrong with it when that is the node as a
    /// whole (down, left, overloaded, malicious), else of what it does.
    func style(_ node: SceneNode, selected: Bool) -> Style {
        var style: Style
        if let mark = node.marks.first, [.down, .left, .malicious].contains(mark) || node.isOverloaded {
            style = self.style(.mark(mark))
        } else if node.swarmRole == .seed {
            style = self.style(.seed)
        } else {
            style = self.style(.role(node.swarmRole == .peer ? .peer : node.role))
        }
        if node.isHighlighted && node.isUp && !node.isOverloaded {
            style.foreground = .yellow
            style.attributes.formUnion([.bold, .underline])
        }
        if selected { style.attributes.insert(.reverse) }
        return style
    }

    /// A box's border: double for the node selected, heavy for one the lesson points at
    /// (the legend's "watch this"), light for the rest. It means nothing else.
    func border(_ node: SceneNode, selected: Bool) -> BorderWeight {
        if selected { return .double }
        return node.isHighlighted ? .heavy : .light
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

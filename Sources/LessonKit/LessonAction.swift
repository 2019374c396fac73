import NetSim

/// Something a lesson makes happen, with every node name already checked against the
/// network (names, not engine ids: nodes added during a lesson get their ids only when
/// the engine creates them). What each action is, reads and does is its definition's
/// (see `ActionDefinition` and `ActionCatalog`).
public struct LessonAction: Sendable, Hashable {
    /// The entry name it was written with (`fail`, `recover`, `swarm`, ...).
    public let name: String
    let definition: any ActionDefinition

    init(name: String, definition: any ActionDefinition) {
        self.name = name
        self.definition = definition
    }

    /// The action in a few words, for transcripts and the event list: "c1, c2 each ask
    /// server for ...".
    public var summary: String { definition.summary }

    /// Whether the action changes the simulation (highlights, charts and curves only
    /// change the picture).
    public var changesSimulation: Bool { definition.changesSimulation }

    /// The action's settings when it is of the kind `type`.
    func settings<Definition: ActionDefinition>(_ type: Definition.Type) -> Definition? {
        definition as? Definition
    }

    public static func == (a: LessonAction, b: LessonAction) -> Bool {
        a.name == b.name && a.definition.isSame(as: b.definition)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(definition)
    }
}

import Yams

/// Every action a `sim` block accepts: the one list to extend when adding an action.
enum ActionCatalog {
    /// In the order the author's guide lists them.
    static let definitions: [any ActionDefinition.Type] = [
        RequestAction.self, ServeFileAction.self, SwarmAction.self, NodesUpAction.self, LinkUpAction.self,
        AddNodeAction.self, RemoveNodeAction.self, CapacityAction.self, AccessControlAction.self, AccessListAction.self,
        VerificationAction.self, MaliciousAction.self, PublishAction.self, LookupAction.self, CallAction.self,
        HighlightAction.self, ChartAction.self, CurveAction.self, ResetAction.self, GaugesAction.self,
        MomentAction.self, SpeedAction.self,
    ]

    /// Every action's entry name, in the guide's order.
    static let names = definitions.flatMap { $0.names }

    static func definition(named name: String) -> (any ActionDefinition.Type)? {
        definitions.first { $0.names.contains(name) }
    }

    /// The action `entry` names, read by its definition; nil (after reporting why) when
    /// it cannot be read.
    static func action(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> LessonAction? {
        guard let definition = definition(named: entry.name) else { return nil }
        return definition.parse(entry, log: &log, scope: &scope).map { LessonAction(name: entry.name, definition: $0) }
    }
}

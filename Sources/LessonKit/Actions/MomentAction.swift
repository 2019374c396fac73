import NetSim

/// `- moment: origin-alone`: keeps the simulation as it is now under a name, so later
/// text can quote its figures (`{origin.served@origin-alone}`); changes nothing in the
/// simulation.
struct MomentAction: ActionDefinition {
    static let names = ["moment"]

    var name: String

    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> MomentAction? {
        guard let text = entry.reader.text(entry.node, "moment", log: &log) else { return nil }
        guard FrontMatterParser.isIdentifier(text, maximumLength: 24) else {
            log.error("a moment's name is lower-case letters, digits and '-', starting with a letter, like 'before-edges'", at: entry.location)
            return nil
        }
        guard !scope.isMoment(text) else {
            log.error("a moment called '\(text)' is already kept earlier in the lesson; give this one another name", at: entry.location)
            return nil
        }
        scope.add(moment: text)
        return MomentAction(name: text)
    }

    var changesSimulation: Bool { false }

    var summary: String {
        "the figures now are kept as '\(name)'"
    }

    func stage(_ stage: inout ActionStage) {
        stage.picture.moments[name] = stage.simulation
    }
}

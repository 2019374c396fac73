import NetSim
import Yams

/// One kind of action a `sim` block accepts, whole: its entry names, its fields, how it is
/// read, how it reads in a transcript, what it asks of the engine and what it changes of
/// the picture.
///
/// To add an action, write a type conforming to this protocol in a file of its own in
/// this folder and list it in `ActionCatalog.definitions`; the compiler asks for every
/// part it needs, and the parser, the checker, the transcript and the runner pick it up
/// from there. Document it in Lessons/README.md with an example (GuideTests checks that
/// every example is accepted).
protocol ActionDefinition: Sendable, Hashable {
    /// The entry names read into this type, as the author's guide lists them (`fail` and
    /// `recover` share one type).
    static var names: [String] { get }
    /// The fields its settings may have, when they are a mapping (none: a single value).
    static var fields: [String] { get }
    /// Whether `ask`'s `do` may carry it (false for actions that only make sense in the
    /// script's own order).
    static var askable: Bool { get }
    /// Reads the entry's settings, checking every node name against the names the lesson
    /// has at that point; a mistake is reported where it is written, and gives nil.
    /// Nodes it adds, moments it keeps and curves it measures join `scope`.
    static func parse(_ entry: ActionEntry, log: inout DiagnosticLog, scope: inout NameScope) -> Self?

    /// The action in a few words, for transcripts and the event list: "c1, c2 each ask
    /// server for ...".
    var summary: String { get }
    /// Whether it changes the simulation (false: it changes only the picture, and nothing
    /// needs to run after it).
    var changesSimulation: Bool { get }
    /// The engine commands that carry it out, with node names resolved against the
    /// network as it is when the action runs.
    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command]
    /// What it changes of the lesson's picture, before its commands run.
    func stage(_ stage: inout ActionStage)
}

extension ActionDefinition {
    static var fields: [String] { [] }
    static var askable: Bool { true }
    var changesSimulation: Bool { true }
    func commands(_ id: NodeIDs) throws(NodeIDs.Unknown) -> [Command] { [] }
    func stage(_ stage: inout ActionStage) {}

    /// Whether `other` is this same action (the same type and the same settings).
    func isSame(as other: any ActionDefinition) -> Bool {
        (other as? Self) == self
    }
}

/// One `sim` entry as written, with what its parser needs to read it.
struct ActionEntry {
    /// The entry's name as written (`fail` or `recover` for the same type).
    let name: String
    /// Its settings: a value, a list or a mapping.
    let node: Node
    let reader: YAMLReader
    let values: LiveValueParser
    let targets: TargetResolver

    var location: SourceLocation { reader.location(node) }

    /// The settings as a mapping of `allowed` fields; an unknown field is reported.
    func fields(_ allowed: [String], log: inout DiagnosticLog) -> YAMLFields? {
        reader.fields(node, of: name, allowed: allowed, log: &log)
    }

    /// A field the action cannot do without; its absence is reported.
    func require(_ key: String, in fields: YAMLFields, log: inout DiagnosticLog) -> Node? {
        reader.require(key, in: fields, of: name, log: &log)
    }
}

/// Node ids by name in the network as it is when an action runs (nodes added during a
/// lesson get their ids only when the engine creates them).
struct NodeIDs {
    /// A name the engine does not know (a node that has left, say).
    struct Unknown: Error {
        var name: String
    }

    let network: NetworkConfig

    func callAsFunction(_ name: String) throws(Unknown) -> NodeID {
        guard let id = network.id(named: name) else { throw Unknown(name: name) }
        return id
    }

    func callAsFunction(_ names: [String]) throws(Unknown) -> [NodeID] {
        var result: [NodeID] = []
        for name in names { result.append(try self(name)) }
        return result
    }

    func callAsFunction(_ name: String?) throws(Unknown) -> NodeID? {
        guard let name else { return nil }
        return try self(name)
    }
}

extension [String] {
    /// The names in a summary: all of a few, or "c1, c2, c3 ... c12 (12 nodes)".
    var summarized: String {
        count <= 6 ? joined(separator: ", ") : "\(prefix(3).joined(separator: ", ")) ... \(last!) (\(count) nodes)"
    }
}

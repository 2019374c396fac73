import NetSim

/// The node names a lesson may use at a point in the file, and what sets of nodes a word
/// stands for: a node (`server`), a group from the front matter (`clients` when the author
/// made one), every node of a role (`peers`, `servers`, ...), or `all`.
struct NameScope: Sendable {
    private(set) var nodeOrder: [String] = []
    private(set) var roles: [String: Role] = [:]
    private(set) var groups: [String: [String]] = [:]
    /// The crowd sizes of the latest `curve` so far, which `{curve.N.PROPERTY}` may name.
    private(set) var curveSizes: [Int] = []
    private(set) var knowsCurveSizes = true
    /// Moments kept so far (`- moment: NAME`), which `{VALUE@NAME}` may quote.
    private(set) var moments: [String] = []
    /// False until the network is read, and again when a node or group in it could not
    /// be: then a name the scope does not know may be one the author declared, and saying
    /// "unknown node" about it would bury the one real mistake under its echoes.
    private(set) var knowsEveryName = false

    mutating func add(node name: String, role: Role) {
        if roles[name] == nil { nodeOrder.append(name) }
        roles[name] = role
    }

    mutating func add(group name: String, members: [String]) {
        groups[name] = members
    }

    /// The network was read: from here on a name the scope does not know is a mistake.
    mutating func networkRead() {
        knowsEveryName = true
    }

    /// A node or group of the network could not be read, so its names are missing.
    mutating func declarationFailed() {
        knowsEveryName = false
    }

    /// A `curve` replaces any earlier one, on screen and for live values.
    mutating func measuredCurve(sizes: [Int]) {
        curveSizes = sizes
        knowsCurveSizes = true
    }

    /// The latest `curve` could not be read, so which crowd sizes it measures is unknown
    /// and `{curve.N.…}` is not reported until it can be.
    mutating func curveFailed() {
        knowsCurveSizes = false
    }

    /// Words that never name a node: `all` and the subjects of live values.
    static let reservedWords: Set<String> = ["all", "completion", "time", "events", "messages", "lookup", "curve", "latency", "step", "nearest-cache"]

    mutating func add(moment name: String) {
        moments.append(name)
    }

    func isMoment(_ name: String) -> Bool { moments.contains(name) }

    func isNode(_ name: String) -> Bool { roles[name] != nil }

    func isGroup(_ name: String) -> Bool { groups[name] != nil }

    /// The nodes a set name stands for, or nil when it names no set.
    func members(ofSet name: String) -> [String]? {
        if let members = groups[name] { return members }
        if name == "all" { return nodeOrder }
        if let role = Role.allCases.first(where: { $0.rawValue + "s" == name }) {
            return nodeOrder.filter { roles[$0] == role }
        }
        return nil
    }

    /// Every word that names something, for "did you mean".
    var allNames: [String] {
        nodeOrder + groups.keys.sorted() + ["all"] + Role.allCases.map { $0.rawValue + "s" }
    }

    /// What to say about a name that is not a node here: "unknown node 'c13' (did you mean
    /// 'c1'?); the nodes are server, c1, c2, c3". Say it only when `knowsEveryName`.
    func unknownNode(_ name: String, in value: String? = nil, alsoMeaning others: [String] = []) -> String {
        let place = value.map { " in '\($0)'" } ?? ""
        return "unknown node '\(name)'\(place)\(Suggestion.phrase(for: name, in: allNames + others)); the nodes are \(nodeSummary)"
    }

    /// A short list of the nodes for an error message: "server, c1 ... c12".
    var nodeSummary: String {
        if nodeOrder.count <= 8 { return nodeOrder.joined(separator: ", ") }
        return nodeOrder.prefix(4).joined(separator: ", ") + ", ... " + (nodeOrder.last ?? "")
    }
}

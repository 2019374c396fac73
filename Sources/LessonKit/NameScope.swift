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

    mutating func add(node name: String, role: Role) {
        if roles[name] == nil { nodeOrder.append(name) }
        roles[name] = role
    }

    mutating func add(group name: String, members: [String]) {
        groups[name] = members
    }

    /// A `curve` replaces any earlier one, on screen and for live values.
    mutating func measuredCurve(sizes: [Int]) {
        curveSizes = sizes
    }

    /// Words that never name a node: `all` and the subjects of live values.
    static let reservedWords: Set<String> = ["all", "completion", "time", "events", "messages", "lookup", "curve"]

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

    /// A short list of the nodes for an error message: "server, c1 ... c12".
    var nodeSummary: String {
        if nodeOrder.count <= 8 { return nodeOrder.joined(separator: ", ") }
        return nodeOrder.prefix(4).joined(separator: ", ") + ", ... " + (nodeOrder.last ?? "")
    }
}

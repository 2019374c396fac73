import NetSim

/// A part of the network laid out together in a region of its own: a server's star with
/// the clients that use it, a tracker above its swarm, a group of peers on a ring.
struct StageUnit: Hashable, Sendable {
    /// Servers, trackers and supernodes: in the middle of a star, on top of tiers.
    var hubs: [Int] = []
    var members: [Int] = []
    /// The group it was made from, if any.
    var group: Int?
    var place: StagePlace?
    /// The lesson's layout for it; nil chooses one from what it holds.
    var layout: StageLayoutKind?
    /// Every two of its nodes are linked: those links are not drawn (they would hide
    /// the nodes), and its label says that any of them reaches any other.
    var meshed = false
    /// Its members, in their order, are linked in a ring through all of them: a ring
    /// layout keeps those neighbours side by side.
    var ringClosed = false

    var nodes: [Int] { hubs + members }

    /// The nodes its caption counts: its members, or its hubs when it has no others;
    /// not a seed among the members (a server that joined its swarm's ring, or a peer
    /// set up with the whole file), which the caption names apart ("players, 12 peers,
    /// seed srv"): counted with the peers, the caption said 13 peers over 12.
    func counted(in shape: StageShape) -> [Int] {
        members.isEmpty ? hubs : members.filter { !seeding(in: shape).contains($0) }
    }

    /// Members seeding the swarm: they start it with the whole file, so they are not
    /// among the peers that get it (p2p-swarm's caption counted its seed, "7 peers" over
    /// six peers and a seed).
    func seeding(in shape: StageShape) -> [Int] {
        members.filter { shape.seeds.contains($0) }
    }

    /// What a unit's label says, longest first, for the caption to take the first that
    /// fits: "small, 5 clients", "honest, 8 peers, all linked" (no "·": the stage draws it for protocol chatter).
    /// A lesson's labels (its group's, and its hub's: "origin far away, clients in the
    /// west") come first and stay to the last: a caption too narrow for any of them is
    /// the last cut short with an ellipsis, never a name or a count in their place.
    func labels(in shape: StageShape, roles: [Int: Role], counting: Bool = false) -> [String] {
        let name: String
        let hub = hubs.count == 1 ? shape.nodes.first { $0.id == hubs[0] } : nil
        // A hub's label names it unless it says the name itself ("origin far away").
        let hubLabel = hub.flatMap { hub in
            hub.label.map { $0.lowercased().contains(hub.name.lowercased()) ? $0 : "\(hub.name) (\($0))" }
        }
        let labels = [hubLabel, group.flatMap { shape.groups[$0].label }].compactMap(\.self)
        let counted = counted(in: shape)
        // Counted as what they are drawn as: clients trading in a swarm are its peers
        // (cs-cost's "large, 20 clients" stood over twenty ◉).
        let swarm = Set(shape.swarm)
        func drawn(_ id: Int) -> Role? { swarm.contains(id) ? .peer : roles[id] }
        let role = Role.allCases.max { a, b in
            counted.count(where: { drawn($0) == a }) < counted.count(where: { drawn($0) == b })
        } ?? .peer
        if let hub {
            name = hub.name
        } else if let group {
            // A group's name that only says what its nodes are ("more-peers") is the id the
            // lesson knows it by; its count says that better ("30 peers").
            let groupName = shape.groups[group].name
            name = groupName.lowercased().contains(role.rawValue) ? "" : groupName
        } else {
            name = hubs.compactMap { id in shape.nodes.first { $0.id == id }?.name }.joined(separator: ", ")
        }
        // A lone node's caption is its label alone: "1 server" says nothing its icon does not.
        // A seed whose name says so ("seed") is named alone: "seed seed" says it twice.
        let seedNames = seeding(in: shape).compactMap { id in shape.nodes.first { $0.id == id }?.name }
            .map { $0.lowercased().contains("seed") ? $0 : "seed \($0)" }
        let count = nodes.count == 1 ? "" : "\(counted.count) \(role.rawValue)\(counted.count == 1 ? "" : "s")"
            + (seedNames.isEmpty ? "" : ", " + seedNames.joined(separator: ", "))
        let linked = meshed ? ["all linked"] : []
        // A lesson's labels say what the unit is in its own words, so they come first, and
        // only they: each alone last, the group's (what most of the unit is) before the hub's.
        // Else the name stays while anything fits ("web" where "web, 1 client" does not:
        // it says whose unit it is, and a client under it shows the rest); a count alone
        // only for a unit with no name, or a grid's block (`counting`: its cells are too
        // many to count, the caption says how many they are).
        let unnamed = labels.isEmpty
            ? (name.isEmpty || counting ? [[name, count] + linked, [name, count], [count] + linked, [count]]
                : [[name, count] + linked, [name, count], [name] + linked, [name]])
            : [labels + [count] + linked, labels + [count], labels] + labels.reversed().map { [$0] }
        let captions = unnamed.map { $0.filter { !$0.isEmpty }.joined(separator: ", ") }
        return captions.enumerated().filter { index, caption in !captions[..<index].contains(caption) }.map(\.element)
    }

    /// The units of a shape, in the order of their first node: each lesson group is one
    /// (split between its servers when several share it), each hub joins the unit it is
    /// linked to most (else the first unit its role serves: a server its clients, a
    /// tracker its peers), and nodes of no group join the unit they are linked to or
    /// share a role with.
    static func units(of shape: StageShape) -> [StageUnit] {
        let roles = Dictionary(uniqueKeysWithValues: shape.nodes.map { ($0.id, $0.role) })
        var neighbours: [Int: [Int]] = [:]
        for link in shape.links {
            neighbours[link.low, default: []].append(link.high)
            neighbours[link.high, default: []].append(link.low)
        }
        var units: [StageUnit] = []
        var unitOf: [Int: Int] = [:]
        func add(_ id: Int, to index: Int, asHub: Bool) {
            if asHub { units[index].hubs.append(id) } else { units[index].members.append(id) }
            unitOf[id] = index
        }
        for (index, group) in shape.groups.enumerated() {
            let members = shape.nodes.filter { $0.group == index }
            guard !members.isEmpty else { continue }
            units.append(StageUnit(group: index, place: group.place, layout: group.layout))
            for member in members { add(member.id, to: units.count - 1, asHub: member.role.isHub) }
        }
        // Hubs first, so that a node of no group can join its hub's unit.
        let loose = shape.nodes.filter { unitOf[$0.id] == nil }
        for hub in loose where hub.role.isHub {
            if let place = hub.place {
                // A hub the lesson placed goes where it was put, with any unit put there.
                if let index = units.firstIndex(where: { $0.place == place }) {
                    add(hub.id, to: index, asHub: true)
                } else {
                    units.append(StageUnit(place: place))
                    add(hub.id, to: units.count - 1, asHub: true)
                }
                continue
            }
            let linked = (neighbours[hub.id] ?? []).compactMap { unitOf[$0] }
            if let index = mostCommon(linked) {
                add(hub.id, to: index, asHub: true)
                continue
            }
            let served: Role = hub.role == .server ? .client : .peer
            let free = units.indices.first { index in
                units[index].members.contains { roles[$0] == served }
                    && !units[index].hubs.contains { roles[$0] == hub.role }
            }
            if let free, hub.role != .supernode {
                add(hub.id, to: free, asHub: true)
            } else if hub.role == .server,
                      let shared = units.indices.last(where: { units[$0].members.contains { roles[$0] == .client } }) {
                // More servers than groups of clients: they share the last group.
                add(hub.id, to: shared, asHub: true)
            } else {
                units.append(StageUnit())
                add(hub.id, to: units.count - 1, asHub: true)
            }
        }
        for node in loose where !node.role.isHub {
            if let place = node.place {
                if let index = units.firstIndex(where: { $0.place == place }) {
                    add(node.id, to: index, asHub: false)
                } else {
                    units.append(StageUnit(place: place))
                    add(node.id, to: units.count - 1, asHub: false)
                }
            } else if let index = mostCommon((neighbours[node.id] ?? []).compactMap { unitOf[$0] }) {
                add(node.id, to: index, asHub: false)
            } else if let index = units.firstIndex(where: { unit in unit.members.contains { roles[$0] == node.role } }) {
                add(node.id, to: index, asHub: false)
            } else if let index = units.firstIndex(where: { unit in
                unit.group == nil && unit.members.isEmpty && unit.hubs.contains { (roles[$0] == .server) == (node.role == .client) }
            }) {
                add(node.id, to: index, asHub: false)
            } else {
                units.append(StageUnit())
                add(node.id, to: units.count - 1, asHub: false)
            }
        }
        units = units.flatMap { splitBetweenServers($0, roles: roles, neighbours: neighbours) }
        units = gatheringSwarm(units, shape: shape)
        let linked = Set(shape.links)
        for index in units.indices {
            let nodes = units[index].nodes
            units[index].meshed = !shape.anyReachesAny && nodes.count > 2 && nodes.indices.allSatisfy { i in
                nodes[(i + 1)...].allSatisfy { linked.contains(NodePair(nodes[i], $0)) }
            }
        }
        return units.filter { !$0.nodes.isEmpty }.sorted { ($0.nodes.min() ?? 0) < ($1.nodes.min() ?? 0) }
    }

    /// A unit with several servers and no links to say who uses which becomes one star
    /// per server, the clients shared out in order (c1-c6 and c7-c12).
    private static func splitBetweenServers(_ unit: StageUnit, roles: [Int: Role], neighbours: [Int: [Int]]) -> [StageUnit] {
        let servers = unit.hubs.filter { roles[$0] == .server }
        guard servers.count > 1, unit.hubs.count == servers.count else { return [unit] }
        var parts = servers.map { StageUnit(hubs: [$0], group: unit.group, place: unit.place, layout: unit.layout) }
        var unassigned: [Int] = []
        for member in unit.members {
            if let index = servers.firstIndex(where: { (neighbours[member] ?? []).contains($0) }) {
                parts[index].members.append(member)
            } else {
                unassigned.append(member)
            }
        }
        for (position, member) in unassigned.enumerated() {
            parts[position * servers.count / unassigned.count].members.append(member)
        }
        return parts
    }

    /// A seed in a unit that holds none of its swarm's peers (a server that seeded
    /// players set up apart from it) joins the unit holding most of them, on their ring:
    /// its chunks then start from the top of the ring instead of crossing the stage.
    private static func gatheringSwarm(_ units: [StageUnit], shape: StageShape) -> [StageUnit] {
        let peers = shape.swarm.filter { !shape.seeds.contains($0) }
        guard !peers.isEmpty else { return units }
        var units = units
        func unit(of id: Int) -> Int? { units.firstIndex { $0.nodes.contains(id) } }
        guard let target = mostCommon(peers.compactMap(unit(of:))) else { return units }
        for seed in shape.seeds {
            guard let home = unit(of: seed), home != target, !units[home].nodes.contains(where: peers.contains) else { continue }
            units[home].hubs.removeAll { $0 == seed }
            units[home].members.removeAll { $0 == seed }
            units[target].members.append(seed)
        }
        return units
    }

    private static func mostCommon(_ values: [Int]) -> Int? {
        let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.keys.sorted().max { counts[$0]! < counts[$1]! }
    }
}

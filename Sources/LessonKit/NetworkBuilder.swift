import NetSim

/// Turns the network a lesson describes into the engine's configuration. Nodes keep the
/// order of the front matter (named nodes, then groups), which is also their engine id order.
enum NetworkBuilder {
    static func config(for spec: NetworkSpec) -> NetworkConfig {
        let ids = Dictionary(uniqueKeysWithValues: spec.nodes.enumerated().map { ($1.name, NodeID($0)) })
        let nodes = spec.nodes.map { nodeConfig($0, origin: $0.origin.flatMap { ids[$0] }) }
        let links = spec.links.compactMap { link -> LinkConfig? in
            guard let a = ids[link.a], let b = ids[link.b] else {
                assertionFailure("the loader checked every link's ends")
                return nil
            }
            return LinkConfig(a: a, b: b, latency: link.latency)
        }
        return NetworkConfig(nodes: nodes, links: links, defaultLatency: spec.defaultLatency ?? 0, fullMesh: spec.fullMesh)
    }

    /// `origin`: the engine id of a cache's origin (a cache without one keeps nothing).
    static func nodeConfig(_ node: NetworkSpec.NodeSpec, origin: NodeID? = nil) -> NodeConfig {
        let defaults = NodeConfig(name: node.name, role: node.role)
        let cache = origin.map { CachePolicy(origin: $0, timeToLive: node.timeToLive, capacity: node.cacheCapacity) }
        return NodeConfig(name: node.name, role: node.role,
                          upload: node.upload ?? defaults.upload, download: node.download ?? defaults.download,
                          serviceTime: node.serviceTime ?? defaults.serviceTime, queueLimit: node.queueLimit ?? defaults.queueLimit,
                          timeout: node.timeout ?? defaults.timeout, retries: node.retries ?? defaults.retries,
                          latency: node.latency ?? defaults.latency,
                          cache: node.role == .cache ? cache : nil)
    }
}

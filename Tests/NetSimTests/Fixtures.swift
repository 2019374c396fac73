@testable import NetSim

/// Small networks the tests share: a server and clients in a star, or a set of peers.
enum Fixture {
    static func star(
        clients: Int, serverUp: Double = 10e6, clientDown: Double = 10e6, service: SimTime = 20_000,
        queueLimit: Int = 4, timeout: SimTime? = nil, retries: Int = 0, latency: SimTime = 5_000
    ) -> NetworkConfig {
        var nodes = [NodeConfig(name: "server", role: .server, upload: serverUp, download: 100e6, serviceTime: service, queueLimit: queueLimit)]
        for index in 1...max(1, clients) where clients > 0 {
            nodes.append(NodeConfig(name: "c\(index)", role: .client, upload: 1e6, download: clientDown, timeout: timeout, retries: retries))
        }
        let links = (1..<nodes.count).map { LinkConfig(a: NodeID(0), b: NodeID($0), latency: latency) }
        return NetworkConfig(nodes: nodes, links: links, defaultLatency: latency, fullMesh: false)
    }

    static func peers(_ count: Int, up: Double = 1e6, down: Double = 2e6, latency: SimTime = 0) -> NetworkConfig {
        NetworkConfig(
            nodes: (1...count).map { NodeConfig(name: "p\($0)", role: .peer, upload: up, download: down) },
            defaultLatency: latency
        )
    }

    static let server = NodeID(0)
    static func client(_ n: Int) -> NodeID { NodeID(n) }
}

extension Simulation {
    /// Runs to the end, failing loudly rather than spinning if something never settles.
    mutating func runToIdle() {
        let outcome = run(until: .idle, maxEvents: 5_000_000)
        precondition(outcome.reason == .reached, "simulation did not settle")
    }
}

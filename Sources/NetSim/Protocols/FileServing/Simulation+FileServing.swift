/// Client-server distribution: one transfer per client, all sharing the server's upload.
extension Simulation {
    mutating func apply(_ command: FileCommand) throws(SimError) {
        switch command {
        case let .serve(server, clients, bits):
            try check(server)
            for client in clients { try check(client) }
            guard bits > 0, bits.isFinite else { throw .invalid("a file must have a positive size") }
            guard !clients.contains(server) else { throw .invalid("\(name(server)) cannot serve a file to itself") }
            try checkUp(server)
            forgetCompletion(of: clients)
            for client in clients {
                send(.file, from: server, to: client, bits: bits, label: "file", payload: .file)
            }
        }
    }
}

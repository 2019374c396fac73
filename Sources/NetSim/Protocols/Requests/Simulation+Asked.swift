extension Simulation {
    /// The servers each client has sent a request to so far, answered or not: with
    /// several servers, who is whose client is part of the picture.
    public var serversAsked: [NodeID: Set<NodeID>] {
        requests.records.values.reduce(into: [:]) { asked, request in asked[request.client, default: []].insert(request.server) }
    }
}

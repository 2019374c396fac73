import Canvas
import NetSim

extension InspectView {
    /// Most entries of a server's access log the inspector lists, the newest last.
    static let accessLogShown = 5

    /// Who a node lets in and what its log holds: whether it checks permissions and the
    /// clients on its list (`facts`), and the last few requests it logged (`recent`:
    /// when, who, whether let in; the event list says for what). The log kept in one
    /// place is what access control at a server is about, so it is shown, not only
    /// counted. Nothing for a node that neither checks nor was ever asked.
    static func access(_ state: NodeState, simulation: Simulation) -> (facts: [Fact], recent: [String]) {
        guard state.accessControl || !state.accessLog.isEmpty else { return ([], []) }
        func name(_ id: NodeID) -> String { simulation.network.nodes[id.rawValue].name }
        let allowed = state.granted.sorted { $0.rawValue < $1.rawValue }.map(name)
        var facts = [Fact("access", state.accessControl
            ? "checked; lets in " + (allowed.isEmpty ? "no one" : allowed.joined(separator: ", "))
            : "not checked; anyone is let in")]
        guard !state.accessLog.isEmpty else { return (facts, []) }
        let refused = state.accessLog.count { !$0.granted }
        let entries = state.accessLog.count == 1 ? "1 entry" : "\(state.accessLog.count) entries"
        facts.append(Fact("access log", "\(entries), \(refused) refused"))
        let latest = state.accessLog.suffix(accessLogShown)
        let times = latest.map { Units.format(duration: $0.time) }, names = latest.map { name($0.client) }
        let timeWidth = times.map { DisplayWidth.of($0) }.max() ?? 0, nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        func pad(_ text: String, to width: Int) -> String { String(repeating: " ", count: width - DisplayWidth.of(text)) }
        let recent = latest.enumerated().map { index, entry in
            let time = pad(times[index], to: timeWidth) + times[index]
            let who = names[index] + pad(names[index], to: nameWidth)
            return "\(time)  \(who)  \(entry.granted ? "granted" : "refused")"
        }
        return (facts, recent)
    }
}

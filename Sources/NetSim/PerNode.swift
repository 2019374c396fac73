/// Something a protocol keeps for each node, indexed by node number. A node that was
/// never written holds the empty value, so a protocol's state needs no hook when nodes
/// join; two tables are equal when every node holds equal values, however far each grew.
struct PerNode<Value: Equatable & Sendable>: Equatable, Sendable {
    private var values: [Value] = []
    private let empty: Value

    init(empty: Value) {
        self.empty = empty
    }

    subscript(node: NodeID) -> Value {
        get { node.rawValue < values.count ? values[node.rawValue] : empty }
        _modify {
            if node.rawValue >= values.count {
                values.append(contentsOf: repeatElement(empty, count: node.rawValue + 1 - values.count))
            }
            yield &values[node.rawValue]
        }
    }

    static func == (lhs: PerNode, rhs: PerNode) -> Bool {
        guard lhs.empty == rhs.empty else { return false }
        let count = max(lhs.values.count, rhs.values.count)
        return (0..<count).allSatisfy { lhs[NodeID($0)] == rhs[NodeID($0)] }
    }
}

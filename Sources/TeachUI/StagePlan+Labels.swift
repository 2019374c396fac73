extension StagePlan {
    /// What the lesson calls a node beside its name: its own label, or its group's.
    func label(of name: String) -> String? {
        labels[name] ?? groups.first { $0.members.contains(name) }?.label
    }
}

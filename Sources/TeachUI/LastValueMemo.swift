/// Remembers the value last made for a key: for what every frame would make again from
/// the same inputs while a simulation plays (the sandbox's text and key bar). A value
/// remembered is exactly what making it again would give, so the screen stays a function
/// of the state.
final class LastValueMemo<Key: Equatable, Value>: @unchecked Sendable {
    private let lock = Lock()
    private var last: (key: Key, value: Value)?

    init() {}

    /// The value for `key`, made from it by `make` unless it was the last asked for.
    func value(for key: Key, make: (Key) -> Value) -> Value {
        if let found = lock.holding({ last?.key == key ? last?.value : nil }) { return found }
        let value = make(key)
        lock.holding { last = (key, value) }
        return value
    }
}

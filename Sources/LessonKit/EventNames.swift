/// The event names a `run: { event: NAME }` may wait for.
enum EventNames {
    static let all = ["request", "response", "refused", "dropped", "timeout", "chunk", "corrupt-chunk",
                      "lookup", "lookup-reply", "call", "complete", "node-down", "node-up"]
}

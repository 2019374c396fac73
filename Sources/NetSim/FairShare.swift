/// Max-min fair division of one capacity among flows that each want at most `caps[i]`:
/// progressive filling, smallest demand first, so no flow can get more without taking
/// from one that has less. Shares come back in the order of `caps`.
func maxMinShares(capacity: Double, caps: [Double]) -> [Double] {
    if capacity.isInfinite || caps.count <= 1 {
        return caps.map { min($0, capacity) }
    }
    var shares = caps
    var remaining = capacity
    var left = caps.count
    for index in caps.indices.sorted(by: { caps[$0] < caps[$1] }) {
        let share = min(caps[index], remaining / Double(left))
        shares[index] = share
        remaining -= share
        left -= 1
    }
    assert(shares.reduce(0, +) <= capacity * (1 + 1e-9), "shares exceed the capacity")
    return shares
}

/// Max-min fair division of one capacity among flows that each want at most `caps[i]`
/// (progressive filling): flows wanting less than an equal share get what they want,
/// the rest split what is left equally, repeated until nobody is below the split. No
/// flow can get more without taking from one that has less. Shares come back in the
/// order of `caps`.
func maxMinShares(capacity: Double, caps: [Double]) -> [Double] {
    let count = caps.count
    if capacity.isInfinite || count <= 1 {
        return caps.map { min($0, capacity) }
    }
    var shares = caps
    var settled = [Bool](repeating: false, count: count)
    var remaining = capacity
    var left = count
    while left > 0 {
        let split = remaining / Double(left)
        var settledNow = false
        for index in 0..<count where !settled[index] && caps[index] < split {
            settled[index] = true
            remaining -= caps[index]
            left -= 1
            settledNow = true
        }
        if !settledNow {
            for index in 0..<count where !settled[index] { shares[index] = split }
            break
        }
    }
    assert(shares.reduce(0, +) <= capacity * (1 + 1e-9), "shares exceed the capacity")
    return shares
}

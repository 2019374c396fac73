/// Max-min fair division of one capacity among flows, in place: `values` holds what
/// each flow could use at most and receives its share (progressive filling). Flows that
/// want less than an equal split get what they want, the rest split what is left
/// equally, repeated until nobody is below the split; no flow can get more without
/// taking from one that has less. Works in place so that re-sharing, which runs twice
/// per transfer, allocates nothing.
func shareMaxMinFairly(capacity: Double, _ values: UnsafeMutableBufferPointer<Double>) {
    let count = values.count
    guard count > 1, capacity.isFinite else {
        for index in 0..<count { values[index] = min(values[index], capacity) }
        return
    }
    var remaining = capacity
    var left = count
    // A settled flow is marked by negating its share (shares are never negative).
    while left > 0 {
        let split = remaining / Double(left)
        var settledNow = false
        for index in 0..<count where values[index] >= 0 && values[index] < split {
            remaining -= values[index]
            values[index] = -values[index] - 1
            left -= 1
            settledNow = true
        }
        if !settledNow {
            for index in 0..<count where values[index] >= 0 { values[index] = split }
            break
        }
    }
    for index in 0..<count where values[index] < 0 { values[index] = -(values[index] + 1) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose read end never blocks: a thread writes a byte to it to wake the run loop,
/// which watches the read end beside the terminal's input.
struct WakePipe {
    let read: Int32
    let write: Int32

    init() {
        var ends: [Int32] = [0, 0]
        let created = pipe(&ends)
        precondition(created == 0, "pipe(2) failed: \(errno)")
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        read = ends[0]
        write = ends[1]
    }
}

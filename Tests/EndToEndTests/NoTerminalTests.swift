import Foundation
import Testing

@Suite("Without a usable terminal")
struct NoTerminalTests {
    @Test("stdout to a pipe: a clear message pointing to the plain mode, and a failing exit")
    func stdoutIsAPipe() {
        let result = Subprocess.run(NetstepBinary.path, [], environment: ["TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(result.status != 0)
        #expect(result.error.hasPrefix("netstep: the full-screen course needs a terminal"))
        #expect(result.error.contains("netstep play --plain"))
        #expect(result.output.isEmpty)
    }
}

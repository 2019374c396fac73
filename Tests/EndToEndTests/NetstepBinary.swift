import Foundation

/// The netstep executable the tests run: the one SwiftPM built beside this test bundle.
enum NetstepBinary {
    static let path: String = {
        let besideTests = URL(fileURLWithPath: testBundleExecutable).deletingLastPathComponent().appendingPathComponent("netstep").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/netstep").path
    }()

    /// The running test executable (netstepPackageTests.xctest on Linux).
    private static var testBundleExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// The path quoted for a shell command line.
    static var quoted: String { "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

import ArgumentParser

/// A terminal size given on the command line as COLUMNSxROWS: `100x30`.
struct ScreenSize: ExpressibleByArgument, CustomStringConvertible {
    var width: Int
    var height: Int

    /// The largest size accepted: far beyond any screen, small enough that a frame's
    /// cells stay cheap.
    static let largest = 1_000

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...Self.largest).contains(width), (1...Self.largest).contains(height) else { return nil }
        self.init(width: width, height: height)
    }

    var description: String { "\(width)x\(height)" }
}

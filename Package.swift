// swift-tools-version: 6.1
import PackageDescription

// Layers point one way: Canvas and NetSim at the bottom, LessonKit on NetSim, TeachUI on
// all three, CursesTerminal (the only ncurses user) on Canvas, and the executable on top.
let package = Package(
    name: "netstep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "netstep", targets: ["netstep"]),
    ],
    dependencies: [
        // The command line: subcommands, options, --help and --version.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Lesson front matter and fenced blocks; `compose` keeps line/column marks.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "Canvas"),
        // The event queue is a binary heap of its own (NetSim/Heap/MinHeap.swift): swift-collections.
        // Heap is a min-max heap and compares more at every level.
        .target(name: "NetSim"),
        .target(
            name: "LessonKit",
            dependencies: ["NetSim", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "TeachUI", dependencies: ["Canvas", "NetSim", "LessonKit"]),
        .target(name: "CursesTerminal", dependencies: ["CNcurses", "Canvas"]),
        .executableTarget(
            name: "netstep",
            dependencies: [
                "NetSim", "LessonKit", "TeachUI", "CursesTerminal", "Canvas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("../../Lessons")]
        ),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
        .testTarget(name: "NetSimTests", dependencies: ["NetSim"]),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "NetSim"], resources: [.copy("Fixtures")]),
        // Snapshots: whole screens the stage tests compare with, read from the source tree.
        .testTarget(name: "TeachUITests", dependencies: ["TeachUI", "Canvas", "LessonKit", "NetSim"], exclude: ["Snapshots"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "Canvas"]),
        .testTarget(name: "EndToEndTests", dependencies: ["netstep"]),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation
import NetSim

/// Both simulated distribution curves drawn in text: time up, number of peers across
/// (one column group per N, evenly spaced, since N usually grows by factors of ten).
struct DistributionPlot {
    let results: [DistributionResult]

    func render(width: Int, height: Int) -> String {
        guard !results.isEmpty else { return "" }
        let top = results.map { max($0.clientServerSimulated, $0.peerToPeerSimulated) }.max()! * 1.05
        let labelWidth = 10
        let plotWidth = max(results.count, width - labelWidth)
        var grid = Array(repeating: Array(repeating: Character(" "), count: plotWidth), count: height)
        func column(_ index: Int) -> Int {
            results.count == 1 ? plotWidth / 2 : index * (plotWidth - 1) / (results.count - 1)
        }
        func row(_ value: Double) -> Int {
            height - 1 - min(height - 1, Int((value / top * Double(height - 1)).rounded()))
        }
        for curve in [(\DistributionResult.clientServerSimulated, Character("c")), (\.peerToPeerSimulated, Character("p"))] {
            for index in results.indices.dropLast() {
                let (x0, x1) = (column(index), column(index + 1))
                let (y0, y1) = (Double(row(results[index][keyPath: curve.0])), Double(row(results[index + 1][keyPath: curve.0])))
                for x in x0...x1 where x1 > x0 {
                    let y = Int((y0 + (y1 - y0) * Double(x - x0) / Double(x1 - x0)).rounded())
                    if grid[y][x] == " " { grid[y][x] = "." }
                }
            }
            for index in results.indices {
                let (y, x) = (row(results[index][keyPath: curve.0]), column(index))
                grid[y][x] = grid[y][x] == "c" && curve.1 == "p" ? "*" : curve.1
            }
        }
        var lines = ["", "time to distribute, simulated (c = client-server, p = peer-to-peer, * = both)"]
        for (index, cells) in grid.enumerated() {
            let label = index == 0 ? String(format: "%8.0f s", top) : index == height - 1 ? String(format: "%8.0f s", 0.0) : ""
            lines.append(label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "|" + String(cells))
        }
        lines.append(String(repeating: " ", count: labelWidth) + "+" + String(repeating: "-", count: plotWidth))
        var axis = Array(repeating: Character(" "), count: plotWidth + 8)
        for index in results.indices {
            let text = Array("\(results[index].peers)")
            let start = max(0, min(axis.count - text.count, column(index) - text.count / 2))
            for (offset, character) in text.enumerated() { axis[start + offset] = character }
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + String(axis).trimmingCharacters(in: .whitespaces.inverted.inverted))
        lines.append(String(repeating: " ", count: labelWidth + 1) + "peers (N)")
        return lines.joined(separator: "\n")
    }
}

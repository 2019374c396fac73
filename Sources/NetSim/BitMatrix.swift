/// One bit set per row, stored flat: which chunks each swarm member holds. A 100,000-peer,
/// 200-chunk swarm needs 2.5 MB per matrix, and "what does X have that Y lacks" is a few
/// word operations.
struct BitMatrix: Equatable, Sendable {
    let wordsPerRow: Int
    private var words: [UInt64]

    init(rows: Int, columns: Int) {
        wordsPerRow = (columns + 63) / 64
        words = Array(repeating: 0, count: rows * wordsPerRow)
    }

    func contains(row: Int, column: Int) -> Bool {
        words[row * wordsPerRow + column / 64] & (1 << UInt64(column % 64)) != 0
    }

    mutating func insert(row: Int, column: Int) {
        words[row * wordsPerRow + column / 64] |= 1 << UInt64(column % 64)
    }

    mutating func remove(row: Int, column: Int) {
        words[row * wordsPerRow + column / 64] &= ~(1 << UInt64(column % 64))
    }

    mutating func fill(row: Int, columns: Int) {
        for column in 0..<columns { insert(row: row, column: column) }
    }

    mutating func clear(row: Int) {
        for index in row * wordsPerRow..<(row + 1) * wordsPerRow { words[index] = 0 }
    }

    /// How many columns of a row are set.
    func count(row: Int) -> Int {
        var total = 0
        for index in row * wordsPerRow..<(row + 1) * wordsPerRow { total += words[index].nonzeroBitCount }
        return total
    }

    /// The i-th word of a row, for set operations across rows.
    func word(row: Int, _ index: Int) -> UInt64 {
        words[row * wordsPerRow + index]
    }
}

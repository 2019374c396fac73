/// The reports of a timeline's events, oldest first, indexed from 0.
///
/// Stored in chunks of `chunkSize` rather than one array: a lesson keeps a copy of its
/// timeline at the start of every step, and with one array each copy that went on to run
/// events held its own copy of every report. Now copies share all chunks but the last.
public struct EventReports: RandomAccessCollection, Equatable, Sendable {
    static let chunkSize = 1024

    private var chunks: [[StepReport]] = []
    /// Reports dropped from the front of the first chunk.
    private var offset = 0
    /// Reports in the chunks, those dropped from the first included.
    private var stored = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { stored - offset }

    public subscript(position: Int) -> StepReport {
        let absolute = position + offset
        return chunks[absolute / Self.chunkSize][absolute % Self.chunkSize]
    }

    /// The kind of the report at `position`, read without copying the report: a scan for
    /// the few events of some kinds (the stage's marks, every frame) looks at this first.
    public func kind(at position: Int) -> EventKind {
        let absolute = position + offset
        return chunks[absolute / Self.chunkSize][absolute % Self.chunkSize].kind
    }

    mutating func append(_ report: StepReport) {
        if chunks.last.map({ $0.count == Self.chunkSize }) ?? true {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(report)
        stored += 1
    }

    /// Forgets the first `count` reports.
    mutating func removeFirst(_ count: Int) {
        precondition(count <= self.count, "cannot forget more reports than there are")
        offset += count
        let whole = offset / Self.chunkSize
        chunks.removeFirst(whole)
        offset -= whole * Self.chunkSize
        stored -= whole * Self.chunkSize
    }

    /// Keeps the first `count` reports.
    mutating func keepFirst(_ count: Int) {
        precondition(count <= self.count, "cannot keep more reports than there are")
        let absolute = count + offset
        let whole = absolute / Self.chunkSize, rest = absolute % Self.chunkSize
        chunks.removeSubrange((rest == 0 ? whole : whole + 1)...)
        if rest > 0 { chunks[whole].removeSubrange(rest...) }
        stored = absolute
    }

    public static func == (lhs: EventReports, rhs: EventReports) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

import Canvas

/// An overlay, a unit whose links close a ring through its members and do not link them
/// all (a flooding or DHT overlay, with chords across), is drawn for counting hops on it:
/// - Its ring is at least as big as its members need and grows with the stage to four
///   fifths of it, centred: on a big screen a ring stretched to the edges puts neighbours
///   a dozen cells apart and draws each chord across half the stage, and a learner can no
///   longer see who is beside whom; one kept as small as on a small screen leaves most of
///   a large stage empty around small nodes.
/// - Its first member sits on top and the rest evenly round from there, never turned half
///   a place: members the same number of places either side of the top then sit level,
///   so chords between them are straight across and do not slant through each other.
extension StageLayout {
    static func isOverlay(_ unit: StageUnit) -> Bool { unit.ringClosed && !unit.meshed }

    static func overlayArea(for unit: StageUnit, in area: Rect) -> Rect {
        guard isOverlay(unit) else { return area }
        let members = unit.members.count
        let width = min(area.width, max(7 * members / 2, area.width * 4 / 5))
        let height = min(area.height, max(members + 2, area.height * 4 / 5))
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    }
}

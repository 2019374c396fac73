import Canvas

/// An overlay, a unit whose links close a ring through its members and do not link them
/// all (a flooding or DHT overlay, with chords across), is drawn for counting hops on it:
/// - Its ring stays about as big as its members need, centred, however large the stage.
///   On a big screen a ring stretched to the edges puts neighbours a dozen cells apart
///   and draws each chord across half the stage, and a learner can no longer see who is
///   beside whom.
/// - Its first member sits on top and the rest evenly round from there, never turned half
///   a place: members the same number of places either side of the top then sit level,
///   so chords between them are straight across and do not slant through each other.
extension StageLayout {
    static func isOverlay(_ unit: StageUnit) -> Bool { unit.ringClosed && !unit.meshed }

    static func overlayArea(for unit: StageUnit, in area: Rect) -> Rect {
        guard isOverlay(unit) else { return area }
        let members = unit.members.count
        let width = min(area.width, 7 * members / 2), height = min(area.height, members + 2)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    }
}

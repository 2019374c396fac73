import Canvas
import NetSim

/// The stage as it is drawn on screen now (its inside's size, and whether presenting
/// draws it roomy), so stepping can tell whether two moments look different: the very
/// picture the learner would see, not a guess at what might show.
struct StageLook: Hashable, Sendable {
    var width: Int
    var height: Int
    var roomy: Bool

    /// The stage of an 80x24 lesson screen, until the app says otherwise.
    static let standard = StageLook(ScreenLayout(width: 80, height: 24, presenting: false).stage, roomy: false)

    /// The look of a stage drawn in `stage` (its border included).
    init(_ stage: Rect, roomy: Bool) {
        let inside = stage.inset(by: 1)
        width = max(0, inside.width)
        height = max(0, inside.height)
        self.roomy = roomy
    }

    /// A scene drawn as it would appear on screen. The renderer draws only from the scene,
    /// so two equal scenes make the same picture: stepping compares scenes first and
    /// draws only those that differ, which is most of its cost saved on a busy swarm.
    func picture(of scene: Scene) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        StageRenderer(scene: scene, theme: Theme(.full), roomy: roomy)
            .draw(into: &canvas, rect: Rect(x: 0, y: 0, width: width, height: height))
        return canvas
    }
}

extension AppState {
    /// How the stage of the screen is drawn now, for the stage's stepping.
    var stageLook: StageLook {
        StageLook(screenLayout.stage, roomy: presenting)
    }
}

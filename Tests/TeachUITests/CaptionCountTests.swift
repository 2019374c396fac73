import Canvas
import Foundation
import LessonKit
import NetSim
import Testing
@testable import TeachUI

/// A caption's count is what its unit shows: every bundled lesson's stages, at the three
/// sizes a learner uses, each caption that counts nodes ("seed, 40 peers") stands over
/// that many of its unit's nodes, or fewer and a "+N more" beside them that makes up
/// the difference. p2p-scaling's "seed, 40 peers" stood over 37 cells with "+1 more"
/// (a client of the other side's, written over three of the peers' cells).
@Suite struct CaptionCountTests {
    /// The numbers a caption counts nodes with: "seed, 40 peers" says 40.
    static func counts(in caption: String) -> Int? {
        let words = caption.split(whereSeparator: { $0 == " " || $0 == "," })
        var total: Int?
        for (number, noun) in zip(words, words.dropFirst()) {
            guard let count = Int(number) else { continue }
            let singular = noun.hasSuffix("s") ? String(noun.dropLast()) : String(noun)
            guard singular == "seed" || Role(rawValue: singular) != nil else { continue }
            total = (total ?? 0) + count
        }
        return total
    }

    /// Each step's stage at its start and ten presses of → in (`CourseWalk.stages`).
    @Test(arguments: CourseWalk.sizes.map(\.description))
    func everyCaptionCountsWhatItsUnitShows(size: String) {
        var checked = 0
        for lesson in CoursePlayTests.lessons {
            for drawn in CourseWalk.drawnStages(lesson.id, at: CourseWalk.size(size)) {
                let (name, canvas, placement) = (drawn.name, drawn.canvas, drawn.hits.placement)
                for caption in placement.captions {
                    guard let count = Self.counts(in: caption.text), let region = caption.region else { continue }
                    checked += 1
                    let shown = caption.counted.compactMap { placement.frames[$0] }
                    #expect(shown.count + caption.hidden == count,
                            "\(name) at \(size): '\(caption.text)' over \(shown.count) nodes and +\(caption.hidden) more")
                    // The caption belongs to the group under it: its unit's nodes are
                    // below it, in its region; and its "+N more" is drawn there too.
                    #expect(shown.allSatisfy { region.intersection($0) == $0 && $0.y > caption.frame.y },
                            "\(name) at \(size): '\(caption.text)' is not over its nodes")
                    guard caption.hidden > 0 else { continue }
                    let note = placement.notes.first { region.intersection($0.frame) == $0.frame }
                    #expect(note?.text == "+\(caption.hidden) more", "\(name) at \(size): '\(caption.text)' has no note")
                    if let note {
                        #expect(canvas.row(note.frame.y).contains(note.text), "\(name) at \(size): '\(note.text)' is not drawn")
                    }
                }
            }
        }
        #expect(checked > 0)
    }
}

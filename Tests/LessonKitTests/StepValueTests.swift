import Testing
@testable import LessonKit

/// "This round" and "back then": values taken over the current step, and values quoted
/// from a moment kept earlier, so a lesson compares figures without typing them in.
@Suite struct StepValueTests {
    private func source(_ last: String) -> String {
        """
        ---
        id: rounds
        title: Rounds
        summary: Goal, compare two rounds.
        essay: [4]
        network:
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, service: 10ms, queue: 1 }
          groups:
            clients: { count: 4, prefix: c }
        ---

        ## First round
        Everyone asks.

        ```sim
        - request: { from: clients, to: server }
        - run: idle
        - moment: first-round
        ```

        This round {step.responses} answers and {step.dropped} drops.

        ## Second round
        Two ask again.

        ```sim
        - request: { from: [c1, c2], to: server }
        - run: idle
        ```

        \(last)

        ```quiz
        ask: Fewer drops?
        choices:
          - text: Yes
            explain: Two fit.
          - text: No
            explain: They fit this time.
        answer: 1
        ```
        """
    }

    @Test func aStepsValueCountsOnlyThatStepAndAMomentQuotesItsTime() throws {
        let text = "This round {step.responses} answers, {step.server.served} sent, {step.dropped} drops; {responses} in all. The first round had {responses@first-round} answers and {dropped@first-round} drops."
        let outcome = LessonLoader.load(source: source(text), path: "rounds.md")
        #expect(outcome.diagnostics.map(\.description) == [])
        let transcript = PlainTranscript.render(try #require(outcome.lesson))
        #expect(transcript.contains("This round 2 answers and 2 drops."))
        #expect(transcript.contains("This round 2 answers, 160 kb sent, 0 drops; 4 in all. The first round had 2 answers and 2 drops."))
    }

    @Test(arguments: [
        ("{step.server.queue}", "'step.server.queue': only a count or a total grows over a step, such as step.responses, step.dropped or step.NODE.served; 'server.queue' is read as it is now"),
        ("{responses@frist-round}", "'frist-round' after '@' is not a moment (did you mean 'first-round'?); the moments kept before this point are first-round"),
        ("{step.responses@first-round}", "'step.responses@first-round': a value is either over the step ('step.') or at a moment ('@'), not both"),
    ])
    func aValueThatCannotBeTakenSoSaysWhy(text: String, message: String) {
        #expect(LessonLoader.load(source: source(text), path: "rounds.md").diagnostics.map(\.message) == [message])
    }
}

/// A paragraph's figures share a unit where one of them is zero.
@Suite struct SharedUnitTests {
    @Test func aZeroTakesTheUnitOfTheNearestFigureOfItsKind() {
        let readings = [LiveReading(3_200, "3.2 kb"), LiveReading(0, "0 Mb"), LiveReading(0, "0 Mbps"), LiveReading(2e6, "2 Mbps")]
        #expect(LiveReading.sharingUnits(readings).map(\.text) == ["3.2 kb", "0 kb", "0 Mbps", "2 Mbps"])
    }

    @Test func aZeroAloneKeepsItsUnit() {
        #expect(LiveReading.sharingUnits([LiveReading(0, "0 Mb"), LiveReading(4, "4")]).map(\.text) == ["0 Mb", "4"])
    }
}

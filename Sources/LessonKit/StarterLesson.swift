/// The lesson `netstep new ID` writes: front matter, two steps, a prediction quiz and
/// speaker notes, every part a working example of the format, so an author edits a lesson
/// that already passes `check` instead of facing a blank file.
public enum StarterLesson {
    /// Why `id` cannot name a lesson, or nil when it can.
    public static func problem(with id: String) -> String? {
        FrontMatterParser.isIdentifier(id, maximumLength: 48)
            ? nil
            : "'\(id)' is not a lesson id: use lower-case letters, digits and '-', starting with a letter, at most 48 characters (like 'cdn-edges')"
    }

    /// The starter lesson's text for a valid `id`.
    public static func source(id: String) -> String {
        precondition(problem(with: id) == nil, "the id was checked")
        return """
        ---
        id: \(id)
        title: A new lesson
        summary: "Goal: say here what the learner can explain after this lesson."
        essay: [2]
        claims: [C1]
        seed: 1
        network:
          layout: star
          latency: 10ms
          nodes:
            server: { role: server, upload: 10Mbps, service: 20ms, queue: 2 }
          groups:
            clients: { count: 4, prefix: c }
        ---

        ## One client asks

        Say what the learner should watch. Here `c1` sends a *request* and the **server**
        answers it. Lessons/README.md in netstep's source lists everything a lesson can do.

        <!-- note: What the tutor points at while this step plays. Notes never reach the class. -->

        ```sim
        - request: { from: c1, to: server, what: "GET /page", reply: 20KB }
        - run: idle
        ```

        The answer came back after {time}. A name in braces is a live value: the
        simulation measures it, so the text always agrees with the picture.

        ## Everyone asks at once

        A quiz before a `sim` block asks for a prediction; the simulation then settles it.

        <!-- note: Take a show of hands before revealing the answer. -->

        ```quiz
        ask: Four clients ask at once, and the server keeps at most two waiting. What happens?
        choices:
          - text: Every client is answered, a little later
            explain: A full queue cannot grow; a request that finds no room is dropped.
          - text: Some requests are dropped
            explain: Right. One is served, two wait, and the last finds no room.
        answer: 2
        explain: A server serves one request at a time; its queue holds the rest, up to its limit.
        ```

        ```sim
        - request: { from: clients, to: server, what: "GET /page", reply: 20KB }
        - run: idle
        ```

        The server answered {responses} requests in all and dropped {dropped}.

        <!-- note: Ask what the operator could change so that nobody is dropped. -->

        """
    }
}

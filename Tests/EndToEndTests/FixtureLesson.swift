import Foundation

/// A small lesson the end-to-end tests own, so edits to the course cannot break them:
/// three steps (a request, a quiz, a busy server), each with speaker notes.
enum FixtureLesson {
    static let id = "e2e-fixture"
    static let title = "Fixture: one server"

    static let source = """
        ---
        id: e2e-fixture
        title: "Fixture: one server"
        summary: A lesson for the end-to-end tests.
        essay: [2]
        claims: [C1]
        seed: 1
        network:
          layout: star
          latency: 20ms
          nodes:
            server: { role: server, upload: 100Mbps, download: 100Mbps, service: 30ms, queue: 16 }
          groups:
            clients: { count: 3, prefix: c, upload: 10Mbps, download: 50Mbps }
        ---

        ## A first request

        A client asks the **server** and gets an answer.

        <!-- note: fixture notes for the first step -->

        ```sim
        - request: { from: c1, to: server, what: "GET /page", size: 400B, reply: 20KB }
        - run: idle
        ```

        ## A question

        Think back to the first step.

        <!-- note: fixture notes for the quiz -->

        ```quiz
        ask: Who answered the request?
        choices:
          - text: Another client
            explain: Clients keep nothing here.
          - text: The server
            explain: Yes, only the server holds the page.
        answer: 2
        ```

        ## Everyone asks

        Every client asks at once.

        <!-- note: fixture notes for the last step -->

        ```sim
        - request: { from: clients, to: server, what: "GET /page", reply: 20KB }
        - run: idle
        ```

        """

    /// Writes the lesson into `terminal`'s home, in a folder of its own, and returns the file.
    @discardableResult
    static func write(for terminal: TerminalSession, source: String = source) throws -> URL {
        let folder = terminal.home.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("e2e-fixture.md")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}

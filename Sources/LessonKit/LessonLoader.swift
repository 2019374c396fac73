/// What loading a lesson file gives: the lesson when it has no errors, and every
/// diagnostic (errors and warnings) in file order.
public struct LoadOutcome: Sendable {
    public var lesson: Lesson?
    public var diagnostics: [Diagnostic]
}

/// Reads lesson files. Pure: it is handed the bytes and the path to report, and never
/// touches the file system, so the checker, the UI and the tests share one code path.
public enum LessonLoader {
    static let maximumSteps = LessonLimits.steps

    /// Loads a lesson from a file's raw bytes, refusing binary, non-UTF-8 and oversized input first.
    public static func load(contents: some Collection<UInt8>, path: String) -> LoadOutcome {
        load(contents: contents, path: path, size: nil)
    }

    static func load(contents: some Collection<UInt8>, path: String, size: Int?) -> LoadOutcome {
        if let size, size > SourceGuard.maximumBytes {
            return LoadOutcome(lesson: nil, diagnostics: [.wholeFile(path: path, message: SourceGuard.tooLarge(size))])
        }
        switch SourceGuard.text(from: contents) {
        case let .success(text):
            return load(source: text, path: path)
        case let .failure(problem):
            let diagnostic = problem.location.map { Diagnostic(path: path, location: $0, severity: .error, message: problem.message) }
                ?? .wholeFile(path: path, message: problem.message)
            return LoadOutcome(lesson: nil, diagnostics: [diagnostic])
        }
    }

    /// Loads a lesson from its text.
    public static func load(source: String, path: String) -> LoadOutcome {
        var log = DiagnosticLog(path: path)
        if source.utf8.count > SourceGuard.maximumBytes {
            return LoadOutcome(lesson: nil, diagnostics: [.wholeFile(path: path, message: SourceGuard.tooLarge(source.utf8.count))])
        }
        let outline = MarkdownOutline(lines: SourceLine.split(source))
        for (location, severity, message) in outline.diagnostics {
            severity == .error ? log.error(message, at: location) : log.warning(message, at: location)
        }
        var scope = NameScope()
        var frontMatter: FrontMatter?
        if let block = outline.frontMatter {
            let reader = YAMLReader(yaml: YAMLBlock(block, log: &log))
            frontMatter = FrontMatterParser(reader: reader).parse(log: &log, scope: &scope)
        }
        if outline.steps.isEmpty && outline.frontMatter != nil {
            log.error("a lesson needs at least one step: a line '## ' followed by the step's title", at: SourceLocation(line: (outline.frontMatter?.firstLine ?? 1), column: 1))
        }
        if outline.steps.count > maximumSteps {
            log.error("this lesson has \(outline.steps.count) steps; a lesson may have at most \(maximumSteps)", at: outline.steps[maximumSteps].heading)
            return LoadOutcome(lesson: nil, diagnostics: log.sorted)
        }
        var steps: [LessonStep] = []
        for step in outline.steps {
            steps.append(StepBuilder.build(step, log: &log, scope: &scope))
        }
        checkBudget(steps: steps, nodes: frontMatter?.network.nodes.count ?? 0, log: &log)
        StepBuilder.warnAboutTitles(steps, log: &log)
        if let block = outline.frontMatter, !log.hasErrors {
            StepBuilder.warnWithoutInteraction(steps, at: block.opening, log: &log)
        }
        guard let frontMatter, !log.hasErrors else {
            return LoadOutcome(lesson: nil, diagnostics: log.sorted)
        }
        let lesson = Lesson(id: frontMatter.id, title: frontMatter.title, summary: frontMatter.summary,
                            claims: frontMatter.claims, essay: frontMatter.essay, seed: frontMatter.seed,
                            network: frontMatter.network, steps: steps, sourcePath: path,
                            idLocation: frontMatter.idLocation)
        return LoadOutcome(lesson: lesson, diagnostics: log.sorted)
    }
}

import Yams

/// Parses one YAML block of a lesson (front matter, a `sim` or a `quiz` block) into a
/// Yams node tree whose marks are mapped back to lines of the lesson file.
struct YAMLBlock {
    let block: SourceBlock
    let root: Node?

    /// Parses `block`, logging every problem at its place in the file. `root` is nil when
    /// the block is empty or could not be parsed.
    init(_ block: SourceBlock, log: inout DiagnosticLog) {
        self.block = block
        if let (location, message) = YAMLGuard.problem(in: block) {
            log.error(message, at: location)
            root = nil
            return
        }
        do {
            root = try Yams.compose(yaml: block.text)
        } catch let error as YamlError {
            let (location, message) = Self.describe(error, in: block)
            log.error(message, at: location)
            root = nil
        } catch {
            log.error("YAML: \(error)", at: block.opening)
            root = nil
        }
    }

    /// Where `node` is in the lesson file.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return block.opening }
        return block.fileLocation(line: mark.line, column: mark.column)
    }

    /// What libyaml's most common complaints usually mean in a lesson, said so an author can fix it.
    private static func explain(_ problem: String, context: YamlError.Context?, at mark: Mark, in block: SourceBlock) -> String? {
        let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false)
        if mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].prefix(max(mark.column, 1)).contains("\t") {
            return "YAML: a tab cannot indent YAML; indent with spaces"
        }
        if problem.contains("mapping values are not allowed") {
            return "YAML: a ': ' where none may be: quote text that contains ': ' (like summary: \"Goal: ...\"), or check this line's indentation"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected <document start>")
            || problem.contains("did not find expected '-' indicator") {
            return "YAML: this line's indentation does not match the lines above it"
        }
        return nil
    }

    private static func describe(_ error: YamlError, in block: SourceBlock) -> (SourceLocation, String) {
        func place(_ mark: Mark) -> SourceLocation { block.fileLocation(line: mark.line, column: mark.column) }
        func phrase(_ problem: String, _ context: YamlError.Context?) -> String {
            let text = context.map { "\(problem) (\($0.text))" } ?? problem
            return "YAML: " + TextSanitizer.clean(text)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            return (place(mark), explain(problem, context: context, at: mark, in: block) ?? phrase(problem, context))
        case let .composer(context, problem, mark, _):
            if problem.contains("undefined alias") {
                return (place(mark), "YAML aliases ('*name') are not allowed in lessons; quote text that starts with '*'")
            }
            return (place(mark), phrase(problem, context))
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\(TextSanitizer.clean($0))'" }.joined(separator: ", ")
            return (place(context.mark), "duplicate key \(names): each field may appear once")
        case let .reader(problem, offset, _, yaml):
            var location = block.opening
            if let offset {
                let prefix = yaml.prefix(offset)
                let line = prefix.filter { $0 == "\n" }.count + 1
                let column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
                location = block.fileLocation(line: line, column: column)
            }
            return (location, "YAML: " + TextSanitizer.clean(problem))
        default:
            return (block.opening, "YAML: " + TextSanitizer.clean(String(describing: error)))
        }
    }
}

/// Checks a YAML block for what could make parsing it slow or huge, before Yams sees it.
///
/// YAML anchors and aliases let one kilobyte expand into gigabytes (the "billion laughs"
/// attack): Yams expands aliases while composing and hashes mapping keys whole, so a bomb
/// must be refused before `compose`. Lessons never need anchors, and an alias without an
/// anchor is only an "undefined alias" error, so refusing every anchor is enough. The scan
/// deliberately ignores quoting: it may refuse a quoted " &word" (the message says how to
/// rephrase), but it can never be tricked into letting an anchor through. Flow nesting is
/// bounded because composing recurses once per level.
enum YAMLGuard {
    static let maximumBytes = LessonLimits.yamlBlockBytes
    static let maximumFlowDepth = LessonLimits.yamlFlowDepth

    /// The first reason not to parse `block`, with its place in the file, or nil when it is safe.
    static func problem(in block: SourceBlock) -> (SourceLocation, String)? {
        if block.text.utf8.count > maximumBytes {
            return (block.opening, "this YAML block is \(block.text.utf8.count) bytes; a block may hold at most \(maximumBytes / 1024) KB")
        }
        var depth = 0
        for (offset, line) in block.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            for (index, character) in characters.enumerated() {
                let location = block.fileLocation(line: offset + 1, column: index + 1)
                switch character {
                case "[", "{":
                    depth += 1
                    if depth > maximumFlowDepth {
                        return (location, "YAML is nested more than \(maximumFlowDepth) levels deep")
                    }
                case "]", "}":
                    depth = max(0, depth - 1)
                case "&":
                    let previous = index == 0 ? " " : characters[index - 1]
                    let next = index + 1 < characters.count ? characters[index + 1] : " "
                    if (previous.isWhitespace || "[{,:?-".contains(previous)) && !next.isWhitespace && !",[]{}".contains(next) {
                        return (location, "YAML anchors ('&name') and aliases ('*name') are not allowed in lessons; write the value out (text may say 'and' or 'R&D', but not ' &word')")
                    }
                default:
                    break
                }
            }
        }
        return nil
    }
}

import NetSim
import Yams

/// The lesson's fields from the front matter, read and checked.
struct FrontMatter {
    var id: String
    var idLocation: SourceLocation
    var title: String
    var summary: String
    var claims: [String]
    var essay: [Int]
    var seed: UInt64
    var network: NetworkSpec
}

/// Reads the front matter: the lesson's identity, its citations and its network.
struct FrontMatterParser {
    static let fields = ["id", "title", "summary", "essay", "claims", "seed", "network"]
    /// The source essay has six paragraphs and fourteen claims.
    static let essayParagraphs = 1...6
    static let claimNumbers = 1...14

    let reader: YAMLReader

    /// Reads the front matter and fills `scope` with the network's names.
    func parse(log: inout DiagnosticLog, scope: inout NameScope) -> FrontMatter? {
        guard let root = reader.yaml.root else {
            if !log.hasErrors { log.error("the front matter is empty: a lesson needs at least id, title, summary and network", at: reader.yaml.block.opening) }
            return nil
        }
        guard let fields = reader.fields(root, of: "the front matter", allowed: Self.fields, log: &log) else { return nil }
        let id = reader.require("id", in: fields, of: "the front matter", log: &log).flatMap { identifier($0, log: &log) }
        let title = reader.require("title", in: fields, of: "the front matter", log: &log).flatMap { nonEmptyText($0, "title", log: &log) }
        let summary = reader.require("summary", in: fields, of: "the front matter", log: &log).flatMap { nonEmptyText($0, "summary", log: &log) }
        let essay = fields["essay"].map { essayParagraphs($0, log: &log) } ?? []
        let claims = fields["claims"].map { claimList($0, log: &log) } ?? []
        if fields["essay"] == nil {
            log.warning("the lesson cites no essay paragraph: add 'essay: [N]'", at: location(of: "id", in: fields))
        }
        var seed: UInt64 = 1
        if let node = fields["seed"] {
            if case let .scalar(scalar) = node, let value = UInt64(scalar.string) {
                seed = value
            } else {
                log.error("seed must be a whole number from 0 to \(UInt64.max)", at: reader.location(node))
            }
        }
        let network = reader.require("network", in: fields, of: "the front matter", log: &log).flatMap { NetworkParser(reader: reader).parse($0, log: &log, scope: &scope) }
        guard let id, let title, let summary, let network else { return nil }
        return FrontMatter(id: id, idLocation: location(of: "id", in: fields), title: title, summary: summary, claims: claims, essay: essay, seed: seed, network: network)
    }

    private func location(of key: String, in fields: YAMLFields) -> SourceLocation {
        fields.pairs.first { $0.key == key }.map { reader.location($0.keyNode) } ?? reader.location(fields.node)
    }

    private func identifier(_ node: Node, log: inout DiagnosticLog) -> String? {
        guard let text = reader.text(node, "id", log: &log) else { return nil }
        guard Self.isIdentifier(text, maximumLength: 48) else {
            log.error("id '\(text)' must be lower-case letters, digits and '-', starting with a letter (like 'cs-basics')", at: reader.location(node))
            return nil
        }
        return text
    }

    private func nonEmptyText(_ node: Node, _ what: String, log: inout DiagnosticLog) -> String? {
        guard let text = reader.text(node, what, log: &log) else { return nil }
        guard !text.trimmingCharacters().isEmpty else {
            log.error("\(what) must not be empty", at: reader.location(node))
            return nil
        }
        return text.trimmingCharacters()
    }

    private func essayParagraphs(_ node: Node, log: inout DiagnosticLog) -> [Int] {
        reader.list(node).compactMap {
            reader.integer($0, "an essay paragraph", in: Self.essayParagraphs, log: &log)
        }
    }

    private func claimList(_ node: Node, log: inout DiagnosticLog) -> [String] {
        reader.list(node).compactMap { item in
            guard let text = reader.text(item, "a claim", log: &log) else { return nil }
            guard text.first == "C", let number = Int(text.dropFirst()), Self.claimNumbers.contains(number) else {
                log.error("claim '\(text)' must be one of the essay's claims, C1 to C\(Self.claimNumbers.upperBound)", at: reader.location(item))
                return nil
            }
            return text
        }
    }

    static func isIdentifier(_ text: String, maximumLength: Int) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase, text.count <= maximumLength else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}

extension InspectView {
    /// The inspector of a marked node names its marks in the legend's words (a fact) and
    /// says what each means (sentences after the explanation, which wrap where a fact
    /// would be cut), both from the stage's symbol table.
    mutating func explain(_ marks: [StageMark]) {
        guard !marks.isEmpty else { return }
        let looks = marks.map { SymbolLook.of(.mark($0)) }
        facts.append(Fact("marked", looks.map(\.word).joined(separator: ", ")))
        explanation += looks.compactMap { look in look.meaning.map { " **\(look.word)**: \($0)." } }.joined()
    }
}

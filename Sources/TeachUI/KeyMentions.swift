/// The keys a piece of lesson text tells the learner to press ("Select files with Tab
/// and press i", "the event list (**e**)"), so the hint line keeps their hints in view.
enum KeyMentions {
    /// Keys with written-out names, which count wherever they stand as a word.
    static let namedKeys: Set<String> = ["Tab", "Enter", "Space", "Esc", "PgUp", "PgDn", "Backspace"]

    /// The keys `markup` names: a written-out key name anywhere, a single character
    /// after "press" or set apart as `**e**`, `` `e` `` or "(e)". A lone letter elsewhere
    /// is a word ("a", "I"), not a key.
    static func keys(in markup: String) -> Set<String> {
        let words = markup.split(whereSeparator: \.isWhitespace)
        var keys: Set<String> = []
        for (index, word) in words.enumerated() {
            var token = word
            // Punctuation that ends a clause, but a lone "?" is the help key.
            while token.count > 1, let last = token.last, ",.:;!?\"'".contains(last) { token = token.dropLast() }
            var core = token
            while core.count > 1, let first = core.first, "*`(\"'".contains(first) { core = core.dropFirst() }
            while core.count > 1, let last = core.last, "*`)\"'".contains(last) { core = core.dropLast() }
            if namedKeys.contains(String(core)) {
                keys.insert(String(core))
            } else if core.count == 1 {
                let afterPress = index > 0 && words[index - 1].lowercased() == "press"
                let setApart = token.count > core.count
                if afterPress || setApart { keys.insert(String(core)) }
            }
        }
        return keys
    }
}

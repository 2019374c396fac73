/// The machine-readable forms of an experiment's results: a JSON list of objects or CSV
/// with a header, the same columns in the same order in both.
struct ExperimentRows {
    let columns: [String]
    /// Each row's values, already written as JSON numbers (or `null`), one per column.
    let rows: [[String]]

    var json: String {
        let objects = rows.map { values in
            assert(values.count == columns.count, "a value for every column")
            return "  {" + zip(columns, values).map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }

    var csv: String {
        ([columns] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n")
    }
}

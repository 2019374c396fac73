/// Simulated time in whole microseconds since the start of a run.
///
/// Integer time keeps runs exactly reproducible: no rounding drifts between two runs or
/// between stepping forward and replaying after a step back.
public typealias SimTime = Int64

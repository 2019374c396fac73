extension Timeline {
    /// When the next event will be handled, nil when nothing is left to happen: a display
    /// that shows the state from before an event until its clock gets there needs a copy
    /// of that state only for an event past the instant it shows. Looking discards stale
    /// entries at the head of the queue, exactly as handling the next event does, so ask
    /// right before a step, never in place of one.
    public mutating func timeOfNextEvent() -> SimTime? { nextEventTime() }
}

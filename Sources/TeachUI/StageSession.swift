import Canvas
import NetSim

/// What a key did to a stage.
enum StageKeyOutcome: Hashable, Sendable {
    case ignored
    case done
    /// The key asks for a panel over the screen.
    case show(OverlayState)
}

/// A simulation on screen: the driver that runs it, how time moves, and what is
/// selected. Lessons and the sandbox both show one; this is the part they share.
struct StageSession<Driver: SimulationDriver>: Sendable {
    var driver: Driver
    var layout: StageLayoutKind
    var playback = Playback()
    /// The state before the last single step, shown while its glide runs.
    var beforeStep: Simulation?
    var selection: Selection?

    init(driver: Driver, layout: StageLayoutKind) {
        self.driver = driver
        self.layout = layout
    }

    /// Something moves on screen: the loop should tick.
    var isAnimating: Bool { playback.playing || playback.glide != nil }

    /// The simulation as the stage shows it now, and the instant shown. During a glide
    /// the stage shows the state before the step while its messages travel on; the
    /// panels (metrics, status, inspector, events) already show the state after it.
    var shown: (simulation: Simulation, time: SimTime) {
        if let glide = playback.glide, let beforeStep { return (beforeStep, glide.time) }
        return (driver.simulation, driver.simulation.now)
    }

    // MARK: moving through time

    /// One event forward; the messages then glide to where the event leaves them.
    mutating func stepForward() {
        finishGlide()
        playback.playing = false
        let before = driver.simulation
        guard let report = driver.stepForward() else { return }
        if let glide = playback.glide(from: before.now, to: report.time) {
            playback.glide = glide
            beforeStep = before
        }
    }

    /// One event back, at once.
    mutating func stepBack() {
        finishGlide()
        playback.playing = false
        _ = driver.stepBack()
        dropStaleSelection()
    }

    mutating func togglePlay() {
        finishGlide()
        playback.playing = !playback.playing && driver.canPlay
    }

    mutating func seek(toEvent n: Int) {
        finishGlide()
        playback.playing = false
        driver.seek(toEvent: n)
        dropStaleSelection()
    }

    /// Wall time passed: a glide moves on, and playing runs the simulation forward by
    /// the elapsed time times the speed, stopping when there is nothing more to show.
    mutating func tick(elapsed: Int64) {
        guard elapsed > 0 else { return }
        if var glide = playback.glide {
            glide.elapsed += elapsed
            playback.glide = glide.isOver ? nil : glide
            if glide.isOver { beforeStep = nil }
            return
        }
        guard playback.playing else { return }
        let target = driver.simulation.now + max(1, playback.simulated(wall: elapsed))
        driver.advance(to: target)
        if !driver.canPlay { playback.playing = false }
        dropStaleSelection()
    }

    mutating func finishGlide() {
        playback.glide = nil
        beforeStep = nil
    }

    // MARK: keys

    /// Keys every simulation screen shares.
    mutating func handle(_ key: Key) -> StageKeyOutcome {
        switch key {
        case .right, .character(" "): stepForward()
        case .left: stepBack()
        case .enter: togglePlay()
        case .character("+"), .character("="): playback.faster()
        case .character("-"), .character("_"): playback.slower()
        case .tab: selectNext()
        case .character("i"):
            if selection == nil { selectNext() }
            return inspector == nil ? .done : .show(.inspect)
        case .character("e"):
            return .show(.events(selected: max(0, driver.reports.count - 1)))
        default: return .ignored
        }
        return .done
    }

    // MARK: selection

    /// Everything selectable in order: nodes, then the messages in flight.
    private var selectables: [Selection] {
        let simulation = driver.simulation
        let nodes = simulation.nodeIDs.filter { !simulation.node($0).hasLeft }.map { Selection.node($0.rawValue) }
        return nodes + simulation.inFlight.map { .packet($0.id) }
    }

    /// Tab: the next node or message, wrapping around.
    mutating func selectNext() {
        let all = selectables
        guard !all.isEmpty else { selection = nil; return }
        if let selection, let index = all.firstIndex(of: selection) {
            self.selection = all[(index + 1) % all.count]
        } else {
            selection = all[0]
        }
    }

    /// A message that has arrived, or a node that has left, cannot stay selected.
    mutating func dropStaleSelection() {
        if let selection, !selectables.contains(selection) { self.selection = nil }
    }

    /// The selected node's id, if a node is selected.
    var selectedNode: NodeID? {
        if case let .node(raw) = selection { NodeID(raw) } else { nil }
    }

    // MARK: views

    /// Message kinds seen so far, in a fixed order, for the legend.
    var legend: [MessageKind] {
        let seen = driver.simulation.metrics.messages
        return MessageKind.allCases.filter { (seen[$0] ?? 0) > 0 }
    }

    var scene: Scene {
        let (simulation, time) = shown
        return Scene(simulation: simulation, time: time, layout: layout, legend: legend)
    }

    var metrics: MetricsView { MetricsView(simulation: driver.simulation) }

    /// The inspector for the selection, nil when nothing (or nothing still there) is selected.
    var inspector: InspectView? {
        let simulation = driver.simulation
        switch selection {
        case let .node(raw):
            guard raw < simulation.nodeIDs.count else { return nil }
            return InspectView(node: simulation.node(NodeID(raw)), simulation: simulation)
        case let .packet(id):
            return simulation.inFlight.first { $0.id == id }.map { InspectView(message: $0, simulation: simulation) }
        case nil:
            return nil
        }
    }

    func events(selected: Int) -> EventListView {
        EventListView(
            rows: driver.reports.map { EventListView.Row(index: $0.index, time: Units.format(duration: $0.time), summary: $0.summary) },
            selected: selected)
    }

    /// The node drawn at a cell of the stage, for mouse clicks.
    func node(at point: Point, stage: Rect) -> Int? {
        StageLayout.place(scene.nodes, kind: layout, in: stage.inset(by: 1)).node(at: point)
    }
}

import Canvas

/// What a window below the minimum size shows instead of a garbled screen; it recovers
/// by itself on the next resize.
enum TooSmall {
    static func draw(into canvas: inout Canvas, theme: Theme) {
        let message = StyledText(markup: """
            **Window too small**
            netstep needs \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight); this one is \(canvas.width)x\(canvas.height).
            Enlarge it, or press q to quit.
            """)
        let lines = message.wrapped(width: max(1, canvas.width - 2))
        let top = max(0, (canvas.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let width = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
            canvas.put(line, x: max(0, (canvas.width - width) / 2), y: top + index, style: theme.text)
        }
    }
}

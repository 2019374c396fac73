import Testing
@testable import Canvas

@Suite struct BoxTests {
    @Test func unicodeBoxWithTitle() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(canvas.bounds, glyphs: .unicode, title: "srv")
        #expect(canvas.text == """
            ┌ srv ─────┐
            │          │
            └──────────┘
            """)
    }

    @Test func asciiBoxUsesPlusMinusBar() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.box(canvas.bounds, weight: .heavy, glyphs: .ascii)
        #expect(canvas.text == """
            #====#
            |    |
            #====#
            """)
    }

    @Test func tooSmallBoxDrawsNothing() {
        var canvas = Canvas(width: 3, height: 3)
        canvas.box(Rect(x: 0, y: 0, width: 1, height: 3), glyphs: .unicode)
        #expect(canvas.text == "\n\n")
    }
}

@Suite struct LineTests {
    @Test func pathHasNoGapsAndBothEnds() {
        let path = LinePath.cells(from: Point(x: 0, y: 0), to: Point(x: 6, y: 2))
        #expect(path.first == Point(x: 0, y: 0))
        #expect(path.last == Point(x: 6, y: 2))
        #expect(path.count == 7)
        for (a, b) in zip(path, path.dropFirst()) {
            #expect(abs(a.x - b.x) <= 1 && abs(a.y - b.y) <= 1)
        }
    }

    @Test func shallowLineIsMostlyHorizontalWithDiagonalSteps() {
        var canvas = Canvas(width: 7, height: 3)
        canvas.line(from: Point(x: 0, y: 0), to: Point(x: 6, y: 2), glyphs: .unicode)
        #expect(canvas.text == """
            ──
              ╲──
                 ╲─
            """)
    }

    /// A line drawn across another keeps both visible where they cross: a vertical chord
    /// crossed by a horizontal one still reads as going through.
    @Test func crossingLinesShowBothWhereTheyMeet() {
        var canvas = Canvas(width: 5, height: 5)
        canvas.line(from: Point(x: 2, y: 0), to: Point(x: 2, y: 4), glyphs: .unicode)
        canvas.line(from: Point(x: 0, y: 2), to: Point(x: 4, y: 2), glyphs: .unicode)
        canvas.line(from: Point(x: 0, y: 4), to: Point(x: 4, y: 0), glyphs: .unicode)
        canvas.line(from: Point(x: 0, y: 0), to: Point(x: 4, y: 4), glyphs: .unicode)
        #expect(canvas.text == """
            ╲ │ ╱
             ╲│╱
            ──╳──
             ╱│╲
            ╱ │ ╲
            """)
        var ascii = Canvas(width: 3, height: 3)
        ascii.line(from: Point(x: 1, y: 0), to: Point(x: 1, y: 2), glyphs: .ascii)
        ascii.line(from: Point(x: 0, y: 1), to: Point(x: 2, y: 1), glyphs: .ascii)
        #expect(ascii.text == " |\n-+-\n |")
    }

    @Test func risingLineInAscii() {
        var canvas = Canvas(width: 3, height: 3)
        canvas.line(from: Point(x: 0, y: 2), to: Point(x: 2, y: 0), glyphs: .ascii)
        #expect(canvas.text == "  /\n /\n/")
    }

    @Test func lineSkipsTheBoxesItJoins() {
        var canvas = Canvas(width: 9, height: 1)
        let box = Rect(x: 0, y: 0, width: 3, height: 1)
        let drawn = canvas.line(from: Point(x: 1, y: 0), to: Point(x: 8, y: 0), glyphs: .ascii, avoiding: [box])
        #expect(canvas.text == "   ------")
        #expect(drawn.first == Point(x: 3, y: 0))
    }

    @Test func lineGoesAroundABoxInItsWayWithABlankColumnBesideIt() {
        var canvas = Canvas(width: 13, height: 5)
        let ends = [Rect(x: 0, y: 2, width: 1, height: 1), Rect(x: 12, y: 2, width: 1, height: 1)]
        let between = Rect(x: 5, y: 1, width: 3, height: 3)
        let drawn = canvas.line(from: Point(x: 0, y: 2), to: Point(x: 12, y: 2), glyphs: .ascii, avoiding: ends + [between])
        let wall = Rect(x: 4, y: 1, width: 5, height: 3)
        #expect(!drawn.isEmpty)
        #expect(!drawn.contains { wall.contains($0) })
        #expect(drawn.allSatisfy { canvas.bounds.contains($0) })
    }

    @Test func aClearLineStaysStraight() {
        let router = LineRouter(around: [Rect(x: 5, y: 3, width: 3, height: 1)], within: Rect(x: 0, y: 0, width: 13, height: 5))
        #expect(router.route(from: Point(x: 0, y: 0), to: Point(x: 12, y: 0)) == LinePath.cells(from: Point(x: 0, y: 0), to: Point(x: 12, y: 0)))
    }

    @Test func noRouteWhenABoxFillsTheWay() {
        let router = LineRouter(around: [Rect(x: 5, y: 0, width: 3, height: 3)], within: Rect(x: 0, y: 0, width: 13, height: 3))
        #expect(router.route(from: Point(x: 0, y: 1), to: Point(x: 12, y: 1)) == nil)
    }
}

@Suite struct BarTests {
    @Test func barFillsInEighths() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.bar(fraction: 0.5 + 1.0 / 16, x: 0, y: 0, width: 4, glyphs: .unicode)
        #expect(canvas.text == "██▎·")
    }

    @Test func asciiBarRoundsToWholeCells() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.bar(fraction: 0.34, x: 0, y: 0, width: 10, glyphs: .ascii)
        #expect(canvas.text == "###.......")
    }

    @Test func barClampsOutOfRangeFractions() {
        var canvas = Canvas(width: 3, height: 2)
        canvas.bar(fraction: 7, x: 0, y: 0, width: 3, glyphs: .ascii)
        canvas.bar(fraction: .nan, x: 0, y: 1, width: 3, glyphs: .ascii)
        #expect(canvas.text == "###\n...")
    }

    @Test func gaugeShowsLabelBarAndValue() {
        var canvas = Canvas(width: 16, height: 1)
        canvas.gauge(label: "queue", value: "4/8", fraction: 0.5, x: 0, y: 0, width: 16, glyphs: .ascii)
        #expect(canvas.text == "queue ###... 4/8")
    }

    @Test func gaugesReservingTheWidestValueHaveBarsOfOneLength() {
        var canvas = Canvas(width: 16, height: 2)
        canvas.gauge(label: "p1", value: "100%", fraction: 1, x: 0, y: 0, width: 16, glyphs: .ascii, valueWidth: 4)
        canvas.gauge(label: "p2", value: "96%", fraction: 0.5, x: 0, y: 1, width: 16, glyphs: .ascii, valueWidth: 4)
        #expect(canvas.text == "p1 ######## 100%\np2 ####....  96%")
    }

    @Test func sparklineScalesToTheLargestValueShown() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.sparkline([9, 0, 2, 4, 8], x: 0, y: 0, width: 4, glyphs: .unicode)
        #expect(canvas.text == "▁▃▅█")
    }
}

@Suite struct StyledTextTests {
    @Test func markupBecomesRoles() {
        let text = StyledText(markup: "a **server** and *peers* run `GET`")
        #expect(text.spans == [
            StyledSpan("a "), StyledSpan("server", .strong), StyledSpan(" and "),
            StyledSpan("peers", .emphasis), StyledSpan(" run "), StyledSpan("GET", .code),
        ])
    }

    @Test func unmatchedDelimitersStayLiteral() {
        #expect(StyledText(markup: "2 * 3 = `6").spans == [StyledSpan("2 * 3 = `6")])
    }

    @Test func wrapsBetweenWordsKeepingRoles() {
        let lines = StyledText(markup: "the **server** answers, then waits").wrapped(width: 12)
        #expect(lines.map { $0.map(\.text).joined() } == ["the server", "answers,", "then waits"])
        #expect(lines[0] == [StyledSpan("the "), StyledSpan("server", .strong)])
    }

    @Test func wordWithTrailingPunctuationStaysWhole() {
        let lines = StyledText(markup: "see **queue**, now").wrapped(width: 9)
        #expect(lines.map { $0.map(\.text).joined() } == ["see", "queue,", "now"])
    }

    @Test func overlongWordIsCutAndNewlinesBreak() {
        let lines = StyledText(markup: "abcdefgh\nxy").wrapped(width: 3)
        #expect(lines.map { $0.map(\.text).joined() } == ["abc", "def", "gh", "xy"])
    }

    @Test func unbrokenFigureMovesToTheNextLineWhole() {
        let lines = StyledText([StyledSpan("it took "), StyledSpan(StyledText.unbroken("20.0 s"), .strong), StyledSpan(" in all")])
            .wrapped(width: 12)
        #expect(lines.map { $0.map(\.text).joined() } == ["it took", "20.0 s in", "all"])
    }

    @Test func wideCharactersCountTwoColumns() {
        let lines = StyledText(markup: "日本 語").wrapped(width: 4)
        #expect(lines.map { $0.map(\.text).joined() } == ["日本", "語"])
    }

    @Test func spansAreStyledByRole() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put([StyledSpan("a "), StyledSpan("b", .strong)], x: 0, y: 0) { role in
            role == .strong ? Style.plain.with(.bold) : .plain
        }
        #expect(canvas[2, 0].style.attributes == .bold)
        #expect(canvas[0, 0].style == .plain)
    }
}

@Suite struct MonochromeTests {
    @Test func coloursAreDroppedAttributesKept() {
        var canvas = Canvas(width: 2, height: 1)
        canvas.put("x", x: 0, y: 0, style: Style(foreground: .red, background: .blue, attributes: .bold))
        let mono = canvas.monochrome()
        #expect(mono[0, 0].style == Style(attributes: .bold))
        #expect(mono.text == "x")
    }
}

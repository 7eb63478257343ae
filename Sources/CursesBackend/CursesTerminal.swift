import CNcursesw
import Foundation
import ScreenKit

/// The ncurses terminal: draws `Buffer`s (only the cells that changed since the last frame) and reads
/// keys as `KeyEvent`s. The only code that touches ncurses. Call `shutdown()` (or use `withTerminal`)
/// to restore the terminal; signals and crashes restore it too.
public final class CursesTerminal {
    /// True when the locale's character set is UTF-8.
    public let isUTF8: Bool
    /// True when the app should draw ASCII glyphs (not UTF-8, or forced).
    public let ascii: Bool
    public let colorMode: ColorMode
    public private(set) var theme: Theme

    private var screen: OpaquePointer?
    private var testFiles: [UnsafeMutablePointer<FILE>] = []
    private var isUp = false
    private let ownsSignals: Bool
    private var previous: Buffer?
    private var palette: ColorPalette

    /// True when Ctrl-C arrives as `.ctrl("c")` instead of SIGINT.
    public let ctrlCAsKey: Bool

    /// Opens the user's terminal. `forceASCII`: nil = decide from the locale. With `ctrlCAsKey` the
    /// tty has no interrupt character: Ctrl-C is a key (`.ctrl("c")`); Ctrl-Z still suspends.
    public init(theme: Theme, forceASCII: Bool? = nil, ctrlCAsKey: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.ctrlCAsKey = ctrlCAsKey
        setlocale(LC_ALL, "")
        isUTF8 = CursesTerminal.localeIsUTF8()
        ascii = forceASCII ?? !isUTF8
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw CursesError("the terminal UI needs an interactive terminal (use `caseboard screen NAME` for text output)")
        }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw CursesError("TERM is not set or is \"dumb\": cannot open the terminal UI")
        }
        TerminalSignals.install()
        ownsSignals = true
        guard let scr = cb_newterm_stdio(nil) else {
            TerminalSignals.uninstall()
            throw CursesError("cannot initialise the terminal \"\(term)\" (is its terminfo entry installed?)")
        }
        screen = scr
        _ = set_term(scr)
        isUp = true
        let mode = CursesTerminal.setUpColors(environment: environment)
        colorMode = mode
        self.theme = theme
        palette = CursesTerminal.makePalette(theme: theme, mode: mode)
        cbreak(); noecho(); nonl()
        if ctrlCAsKey {
            // No interrupt character: Ctrl-C arrives as a key; Ctrl-Z still stops through the tty.
            _ = cb_disable_intr_char(STDIN_FILENO)
            def_prog_mode()
        }
        keypad(cb_stdscr(), true)
        CursesTerminal.defineAlternateKeys()
        set_escdelay(25)
        curs_set(0)
        intrflush(cb_stdscr(), false)
        mousemask(cb_button1_pressed() | cb_button4_pressed() | cb_button5_pressed(), nil)
        mouseinterval(0)
        CursesTerminal.active = self
    }

    /// A terminal for tests: ncurses writes to `testOutputPath` (e.g. /dev/null) through `newterm`, with
    /// the given size, so the backend can be checked by reading cells back (`cell(x:y:)`).
    public init(testOutputPath: String, width: Int, height: Int, theme: Theme, termType: String = "xterm-256color",
                environment: [String: String] = [:]) throws {
        if !CursesTerminal.localeIsUTF8() {
            if setlocale(LC_ALL, "") == nil || !CursesTerminal.localeIsUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }
        }
        isUTF8 = CursesTerminal.localeIsUTF8()
        ascii = !isUTF8
        guard let out = fopen(testOutputPath, "w"), let inp = fopen("/dev/null", "r") else {
            throw CursesError("cannot open \(testOutputPath)")
        }
        testFiles = [out, inp]
        ownsSignals = false
        ctrlCAsKey = false
        guard let scr = newterm(termType, out, inp) else {
            fclose(out); fclose(inp); testFiles = []
            throw CursesError("newterm failed for \(termType)")
        }
        screen = scr
        _ = set_term(scr)
        isUp = true
        resizeterm(Int32(height), Int32(width))
        let mode = CursesTerminal.setUpColors(environment: environment)
        colorMode = mode
        self.theme = theme
        palette = CursesTerminal.makePalette(theme: theme, mode: mode)
        noecho(); keypad(cb_stdscr(), true)
        CursesTerminal.defineAlternateKeys()
    }

    deinit { shutdown() }

    nonisolated(unsafe) private static weak var active: CursesTerminal?

    private static func localeIsUTF8() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private static func setUpColors(environment: [String: String]) -> ColorMode {
        let hasColors = has_colors()
        if hasColors && (environment["NO_COLOR"] ?? "").isEmpty {
            start_color()
            use_default_colors()
        }
        return ColorMode.detect(hasColors: hasColors, colors: Int(cb_colors()), environment: environment)
    }

    private static func makePalette(theme: Theme, mode: ColorMode) -> ColorPalette {
        ColorPalette(theme: theme, mode: mode, maxPairs: mode == .monochrome ? 0 : min(Int(cb_color_pairs()), 32767)) { p, f, b in
            init_pair(p, f, b)
        }
    }

    /// Switches theme and repaints everything on the next `draw`.
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        palette = CursesTerminal.makePalette(theme: theme, mode: colorMode)
        previous = nil
    }

    /// The terminal size in cells.
    public var size: (width: Int, height: Int) {
        (Int(cb_getmaxx(cb_stdscr())), Int(cb_getmaxy(cb_stdscr())))
    }

    /// Forces the next `draw` to repaint every cell.
    public func invalidate() { previous = nil }

    /// Draws the cells of `buffer` that changed since the last frame, then updates the screen.
    public func draw(_ buffer: Buffer) {
        guard isUp else { return }
        let win = cb_stdscr()
        if previous == nil { werase(win); clearok(cb_curscr(), true) }
        let (w, h) = size
        for run in buffer.diff(from: previous) where run.y < h {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation || x >= w { continue }
                put(cell, x: x, y: run.y, window: win)
            }
        }
        previous = buffer
        wnoutrefresh(win)
        doupdate()
    }

    private func put(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let style = palette.resolve(cell.role)
        var scalars: [wchar_t] = []
        for s in cell.text.unicodeScalars.prefix(4) {
            if !isUTF8 && s.value > 0x7e { scalars = [wchar_t(UInt8(ascii: "?"))]; break }
            scalars.append(wchar_t(bitPattern: s.value))
        }
        if scalars.isEmpty || scalars[0] < 0x20 { scalars = [wchar_t(UInt8(ascii: " "))] }
        scalars.append(0)
        _ = scalars.withUnsafeBufferPointer { p in
            cb_put_cell(window, Int32(y), Int32(x), p.baseAddress, style.attrs, style.pair)
        }
    }

    /// Reads one key (waiting at most `timeoutMs`, forever when negative). Returns nil on timeout.
    /// `KEY_RESIZE` gives `.resize` with the new size (and the next draw repaints everything); after
    /// the process was stopped and continued, `.resize` is returned too so the app redraws.
    public func readKey(timeoutMs: Int) -> KeyEvent? {
        guard isUp else { return nil }
        let win = cb_stdscr()
        wtimeout(win, Int32(max(-1, timeoutMs)))
        var ch: wint_t = 0
        let r = wget_wch(win, &ch)
        if ownsSignals && TerminalSignals.takeResumed() {
            // Continued after Ctrl-Z / SIGSTOP: once in the foreground, back to program mode; the
            // next draw repaints every cell.
            _ = cb_wait_foreground(STDIN_FILENO, 2000)
            reset_prog_mode()
            previous = nil
            let (w, h) = size
            return .resize(width: w, height: h)
        }
        if r == ERR { return nil }
        let code = Int32(bitPattern: ch)
        if r == cb_key_code_yes() { return functionKey(code) }
        return CursesTerminal.characterKey(code)
    }

    /// The Home / End / PgUp / PgDn sequences that terminals send whatever their terminfo entry says (xterm's
    /// `ESC [ H`/`ESC O H`, the vt220/tmux/screen `ESC [ 1 ~`/`ESC [ 4 ~`, rxvt's `ESC [ 7 ~`/`ESC [ 8 ~`), bound
    /// to the key codes so that an End typed in tmux under `TERM=xterm-256color` is End, not ESC [ 4 ~ (which
    /// used to switch to view 4). Sequences the terminfo entry already defines are left as they are.
    static var alternateKeys: [(String, Int32)] {
        [("\u{1b}[H", cb_key_home()), ("\u{1b}OH", cb_key_home()), ("\u{1b}[1~", cb_key_home()), ("\u{1b}[7~", cb_key_home()),
         ("\u{1b}[F", cb_key_end()), ("\u{1b}OF", cb_key_end()), ("\u{1b}[4~", cb_key_end()), ("\u{1b}[8~", cb_key_end()),
         ("\u{1b}[5~", cb_key_ppage()), ("\u{1b}[6~", cb_key_npage())]
    }

    static func defineAlternateKeys() {
        for (seq, code) in alternateKeys where key_defined(seq) == 0 { _ = define_key(seq, code) }
    }

    /// The event of a character code from `wget_wch` (OK result).
    public static func characterKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26:
            guard let s = Unicode.Scalar(UInt32(code) + 96) else { return nil }
            return .ctrl(Character(s))
        case 28...31: return nil
        default:
            guard let s = Unicode.Scalar(UInt32(bitPattern: code)) else { return nil }
            return .char(Character(s))
        }
    }

    private func functionKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case cb_key_up(): return .up
        case cb_key_down(): return .down
        case cb_key_left(): return .left
        case cb_key_right(): return .right
        case cb_key_ppage(): return .pageUp
        case cb_key_npage(): return .pageDown
        case cb_key_home(): return .home
        case cb_key_end(): return .end
        case cb_key_btab(): return .backTab
        case cb_key_dc(): return .delete
        case cb_key_backspace(): return .backspace
        case cb_key_enter(): return .enter
        case cb_key_resize():
            previous = nil
            let (w, h) = size
            return .resize(width: w, height: h)
        case cb_key_mouse():
            var ev = MEVENT()
            guard getmouse(&ev) == OK else { return nil }
            let b = ev.bstate
            if b & cb_button1_pressed() != 0 || b & cb_button1_clicked() != 0 { return .mouse(x: Int(ev.x), y: Int(ev.y), button: 1) }
            if b & cb_button4_pressed() != 0 { return .mouse(x: Int(ev.x), y: Int(ev.y), button: 4) }
            if cb_button5_pressed() != 0 && b & cb_button5_pressed() != 0 { return .mouse(x: Int(ev.x), y: Int(ev.y), button: 5) }
            return nil
        default:
            for n in 1...24 where code == cb_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// Restores the terminal (idempotent).
    public func shutdown() {
        guard isUp else { return }
        isUp = false
        if let scr = screen { _ = set_term(scr) }
        curs_set(1)
        endwin()
        if let scr = screen { delscreen(scr) }
        screen = nil
        for f in testFiles { fclose(f) }
        testFiles = []
        if ownsSignals { TerminalSignals.uninstall() }
        if CursesTerminal.active === self { CursesTerminal.active = nil }
        previous = nil
    }

    // MARK: reading back (backend fidelity tests)

    /// What ncurses holds at a cell: its text, attributes (without colour bits) and colour pair.
    public struct ScreenCell: Equatable, Sendable {
        public var text: String
        public var attributes: UInt32
        public var pair: Int16
    }

    public func cell(x: Int, y: Int) -> ScreenCell? {
        guard isUp else { return nil }
        var buf = [wchar_t](repeating: 0, count: 8)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        let r = buf.withUnsafeMutableBufferPointer { p in
            cb_read_cell(cb_stdscr(), Int32(y), Int32(x), p.baseAddress, 8, &attrs, &pair)
        }
        guard r == OK else { return nil }
        let text = String(String.UnicodeScalarView(buf.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        return ScreenCell(text: text, attributes: UInt32(attrs & ~cb_a_color()), pair: pair)
    }

    /// The attributes and pair a role is drawn with.
    public func resolved(_ role: Role) -> (attributes: UInt32, pair: Int16) {
        let r = palette.resolve(role)
        return (UInt32(r.attrs), r.pair)
    }

    /// The (fg, bg) palette indices of a colour pair (-1 = terminal default).
    public func pairColors(_ pair: Int16) -> (fg: Int16, bg: Int16)? {
        var f: Int16 = 0, b: Int16 = 0
        guard pair_content(pair, &f, &b) == OK else { return nil }
        return (f, b)
    }

    /// ncurses attribute bits, for tests.
    public static var boldAttribute: UInt32 { UInt32(cb_a_bold()) }
    public static var reverseAttribute: UInt32 { UInt32(cb_a_reverse()) }
    public static var underlineAttribute: UInt32 { UInt32(cb_a_underline()) }
}

/// Runs `body` with an open terminal and always restores it, also when `body` throws.
public func withTerminal<T>(theme: Theme, forceASCII: Bool? = nil, ctrlCAsKey: Bool = false,
                            _ body: (CursesTerminal) throws -> T) throws -> T {
    let term = try CursesTerminal(theme: theme, forceASCII: forceASCII, ctrlCAsKey: ctrlCAsKey)
    defer { term.shutdown() }
    return try body(term)
}

import ScreenKit

/// What is drawn over the current screen.
public enum Overlay: Equatable, Sendable {
    /// The `?` key list, scrolled.
    case help(scroll: Int)
    /// "Quit with unsaved changes?"
    case confirmQuit(Modal)
    /// A question before a write ("Mark … done today?").
    case confirm(Modal, ConfirmIntent)
    /// A message (an error from the workflows, task details); a form to return to after it, if any.
    case message(Modal, then: FormState?)
    /// A form being filled in.
    case form(FormState)
    /// The session's changes, newest first (`U`), scrolled.
    case history(scroll: Int)
}

import CaseModel

/// Board meeting mode (issue #6): the agenda and the current case. Empty until meetings exist.
public struct MeetingState: Equatable, Sendable {
    public var meeting: BoardMeeting?
    public var current = 0
    public init() {}
}

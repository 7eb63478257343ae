import ScreenKit

/// One character per role for the role layer of goldens: `.` normal, then letters and digits in
/// the order of `Role.all`; `?` for a role outside the list.
public enum RoleCodes {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    public static func code(_ role: Role) -> Character {
        if role == .normal { return "." }
        guard let i = Role.all.filter({ $0 != .normal }).firstIndex(of: role), i < alphabet.count else { return "?" }
        return alphabet[i]
    }

    /// "a=title b=border …" for the roles used in `buffer`.
    public static func legend(for buffer: Buffer) -> String {
        var used: [Role] = []
        for c in buffer.cells where c.role != .normal && !used.contains(c.role) { used.append(c.role) }
        return used.sorted { String(code($0)) < String(code($1)) }.map { "\(code($0))=\($0.name)" }.joined(separator: " ")
    }
}

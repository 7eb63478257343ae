import Foundation

/// Dense square-matrix helpers for the few-parameter problems here (log-rank covariance, Cox information).
enum SmallMatrix {
    /// The inverse of `m` by Gauss–Jordan elimination with partial pivoting; nil when singular.
    static func inverse(_ m: [[Double]]) -> [[Double]]? {
        let n = m.count
        guard n > 0, m.allSatisfy({ $0.count == n }) else { return nil }
        var a = m
        var inv = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        let scale = m.flatMap { $0 }.map(abs).max() ?? 0
        guard scale > 0 else { return nil }
        for col in 0..<n {
            var pivot = col
            for r in col..<n where abs(a[r][col]) > abs(a[pivot][col]) { pivot = r }
            guard abs(a[pivot][col]) > scale * 1e-12 else { return nil }
            a.swapAt(col, pivot)
            inv.swapAt(col, pivot)
            let p = a[col][col]
            for k in 0..<n { a[col][k] /= p; inv[col][k] /= p }
            for r in 0..<n where r != col {
                let f = a[r][col]
                if f == 0 { continue }
                for k in 0..<n { a[r][k] -= f * a[col][k]; inv[r][k] -= f * inv[col][k] }
            }
        }
        return inv
    }

    static func multiply(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    static func quadratic(_ v: [Double], _ m: [[Double]]) -> Double {
        zip(v, multiply(m, v)).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

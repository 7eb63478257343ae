import Foundation

/// Cox proportional-hazards model with one categorical covariate (the group), as R's
/// `coxph(Surv(time, status) ~ group)`: treatment (indicator) coding against the first group,
/// Efron ties by default (Breslow on request), Newton–Raphson from β = 0 with step halving,
/// convergence when |1 − ℓ_old/ℓ_new| ≤ 1e-9; Wald z, p and 95 % CI exp(β ± 1.96·se).
public struct CoxModel: Equatable, Sendable {
    public enum Ties: String, Sendable, CaseIterable { case efron, breslow }

    public struct Coefficient: Equatable, Sendable {
        public var group: String
        public var versus: String
        public var beta: Double?
        public var stdErr: Double?
        public var hazardRatio: Double?
        public var lower: Double?
        public var upper: Double?
        public var p: Double?
        /// Why the estimate is missing or should be read with care (nil when it is ordinary).
        public var note: String?
    }

    public let ties: Ties
    public let reference: String
    public let coefficients: [Coefficient]
    public let logLikelihood: Double?
    public let iterations: Int

    public static func fit(_ observations: [SurvivalObservation], groupOrder: [String]? = nil,
                           ties: Ties = .efron) throws -> CoxModel {
        guard !observations.isEmpty else { throw SurvivalError.empty("the Cox model needs observations") }
        try SurvivalObservation.validate(observations, allowed: 0...1)
        var names: [String] = (groupOrder ?? []).filter { g in observations.contains { $0.group == g } }
        for o in observations where !names.contains(o.group) { names.append(o.group) }
        guard names.count >= 2 else { throw SurvivalError.tooFewGroups(names.count) }
        let reference = names[0]
        let p = names.count - 1
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

        let noEvents = names.filter { g in !observations.contains { $0.group == g && $0.status == 1 } }
        if !noEvents.isEmpty {
            let note = "not estimable: no events in \(noEvents.joined(separator: ", ")) (the hazard ratio is 0 or infinite)"
            return CoxModel(ties: ties, reference: reference,
                            coefficients: names.dropFirst().map { Coefficient(group: $0, versus: reference, note: note) },
                            logLikelihood: nil, iterations: 0)
        }
        // Covariate column (0 = reference) per subject, sorted by time descending.
        let subjects = observations.map { (time: $0.time, event: $0.status == 1, g: index[$0.group] ?? 0) }
            .sorted { $0.time > $1.time }

        var beta = [Double](repeating: 0, count: p)
        var (ll, u, info) = derivatives(subjects, beta: beta, p: p, ties: ties)
        var iterations = 0
        var converged = false
        while iterations < 30 {
            iterations += 1
            guard let inv = SmallMatrix.inverse(info) else { break }
            let step = SmallMatrix.multiply(inv, u)
            var candidate = zip(beta, step).map { $0 + $1 }
            var (ll2, u2, info2) = derivatives(subjects, beta: candidate, p: p, ties: ties)
            var halvings = 0
            while !(ll2 >= ll) && halvings < 30 {
                candidate = zip(beta, candidate).map { ($0 + $1) / 2 }
                (ll2, u2, info2) = derivatives(subjects, beta: candidate, p: p, ties: ties)
                halvings += 1
            }
            let done = abs(1 - ll / ll2) <= 1e-9
            beta = candidate; ll = ll2; u = u2; info = info2
            if done { converged = true; break }
        }
        // Monotone likelihood (R warns "Loglik converged before variable … ; coefficient may be infinite"):
        // a coefficient running away, or an information matrix that cannot be inverted, has no estimate.
        guard let variance = SmallMatrix.inverse(info), beta.allSatisfy({ abs($0) < 15 }) else {
            let note = "not estimable: the likelihood is monotone (the hazard ratio is 0 or infinite)"
            return CoxModel(ties: ties, reference: reference,
                            coefficients: names.dropFirst().map { Coefficient(group: $0, versus: reference, note: note) },
                            logLikelihood: ll, iterations: iterations)
        }
        let z = ConfidenceType.z95
        let coefficients = (0..<p).map { j -> Coefficient in
            let se = variance[j][j].squareRoot()
            let b = beta[j]
            return Coefficient(group: names[j + 1], versus: reference, beta: b, stdErr: se, hazardRatio: exp(b),
                               lower: exp(b - z * se), upper: exp(b + z * se), p: Distributions.normalTwoSided(b / se),
                               note: converged ? nil : "did not converge in \(iterations) iterations")
        }
        return CoxModel(ties: ties, reference: reference, coefficients: coefficients, logLikelihood: ll, iterations: iterations)
    }

    /// Partial log-likelihood, score and information at `beta` (x is the indicator of group g ≥ 1).
    static func derivatives(_ subjects: [(time: Double, event: Bool, g: Int)], beta: [Double], p: Int, ties: Ties)
        -> (Double, [Double], [[Double]]) {
        var ll = 0.0
        var u = [Double](repeating: 0, count: p)
        var info = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        // Risk-set sums: S0 = Σ r, S1[j] = Σ r·x_j (= S2[j][j]; indicators are exclusive so S2 is diagonal).
        var s0 = 0.0
        var s1 = [Double](repeating: 0, count: p)
        var i = 0
        while i < subjects.count {
            let t = subjects[i].time
            var d = 0
            var d0 = 0.0
            var d1 = [Double](repeating: 0, count: p)
            var sumEta = 0.0
            var sumX = [Double](repeating: 0, count: p)
            while i < subjects.count, subjects[i].time == t {
                let g = subjects[i].g
                let eta = g > 0 ? beta[g - 1] : 0
                let r = exp(eta)
                s0 += r
                if g > 0 { s1[g - 1] += r }
                if subjects[i].event {
                    d += 1
                    d0 += r
                    if g > 0 { d1[g - 1] += r; sumX[g - 1] += 1 }
                    sumEta += eta
                }
                i += 1
            }
            guard d > 0 else { continue }
            ll += sumEta
            for j in 0..<p { u[j] += sumX[j] }
            for l in 0..<d {
                let f = ties == .efron ? Double(l) / Double(d) : 0
                let a0 = s0 - f * d0
                let a1 = (0..<p).map { s1[$0] - f * d1[$0] }
                ll -= log(a0)
                for j in 0..<p {
                    u[j] -= a1[j] / a0
                    for k in 0..<p {
                        let a2 = j == k ? a1[j] : 0
                        info[j][k] += a2 / a0 - a1[j] * a1[k] / (a0 * a0)
                    }
                }
            }
        }
        return (ll, u, info)
    }
}

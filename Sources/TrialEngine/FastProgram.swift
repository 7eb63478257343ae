import CaseModel

/// The rules of a set of arm columns lowered for the matching table (`MatchTable`): the distinct atoms of all
/// rules (an atom shared by many rules — "age >= 18", "diagnosis aml" — is evaluated once per patient), each
/// lowered to a `FastAtom` over interned names, and each distinct rule as a small postfix program over atom
/// results. Built once per worker thread (its storage is never shared between threads).
final class FastProgram {
    /// Interned names and the atoms' side tables.
    let symbols: FastSymbols

    // MARK: atoms and rules

    let atoms: UnsafeMutablePointer<FastAtom>
    let atomCount: Int
    /// Per rule: the atom index when the rule is a single atom, else -1 (then `ops` gives its program).
    let ruleAtom: UnsafeMutablePointer<Int32>
    let ruleStart: UnsafeMutablePointer<Int32>
    let ruleCount: Int
    /// Postfix program: op 0 push atom `arg`, 1 not, 2 and of `arg` values, 3 or of `arg` values.
    let ops: UnsafeMutablePointer<UInt8>
    let args: UnsafeMutablePointer<Int32>
    /// Evaluation stack of `run` (a rule's program never pushes more values than it has instructions).
    let stack: UnsafeMutablePointer<UInt8>

    init(rules: [RuleExpr]) {
        var sym = FastSymbols()
        var atomList: [FastAtom] = []
        var atomIndex: [String: Int32] = [:]
        var opList: [UInt8] = [], argList: [Int32] = [], starts: [Int32] = [], single: [Int32] = []
        func atomID(_ a: Atom) -> Int32 {
            let key = String(describing: a.predicate)
            if let i = atomIndex[key] { return i }
            let i = Int32(atomList.count)
            atomList.append(sym.lower(a.predicate))
            atomIndex[key] = i
            return i
        }
        func emit(_ e: RuleExpr) {
            switch e {
            case .atom(let a): opList.append(0); argList.append(atomID(a))
            case .not(let x): emit(x); opList.append(1); argList.append(0)
            case .and(let xs): for x in xs { emit(x) }; opList.append(2); argList.append(Int32(xs.count))
            case .or(let xs): for x in xs { emit(x) }; opList.append(3); argList.append(Int32(xs.count))
            }
        }
        for r in rules {
            starts.append(Int32(opList.count))
            if case .atom(let a) = r { single.append(atomID(a)) } else { single.append(-1); emit(r) }
        }
        starts.append(Int32(opList.count))
        atomCount = atomList.count
        ruleCount = rules.count
        atoms = FastProgram.copy(atomList)
        ruleAtom = FastProgram.copy(single)
        ruleStart = FastProgram.copy(starts)
        ops = FastProgram.copy(opList)
        args = FastProgram.copy(argList)
        stack = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, opList.count))
        for code in sym.oncotreeCodes.sorted(by: { $0.value < $1.value }).map(\.key) { sym.oncotreeNames.append(code) }
        symbols = sym
    }

    deinit {
        atoms.deinitialize(count: atomCount); atoms.deallocate()
        ruleAtom.deallocate(); ruleStart.deallocate(); ops.deallocate(); args.deallocate(); stack.deallocate()
    }

    static func copy<T>(_ xs: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, xs.count))
        _ = UnsafeMutableBufferPointer(start: p, count: xs.count).initialize(from: xs)
        return p
    }

    // MARK: evaluation

    /// Result codes (1 met, 2 not met, 3 unknown) of every distinct rule for the patient `facts` holds, written
    /// into `out[0 ..< ruleCount]`; `atomCodes` is scratch of `atomCount` entries.
    @inline(__always)
    func evaluate(_ facts: FastFacts, atomCodes: UnsafeMutablePointer<UInt8>, out: UnsafeMutablePointer<UInt32>) {
        for i in 0..<atomCount { atomCodes[i] = facts.code(atoms[i], self) }
        for r in 0..<ruleCount {
            let a = ruleAtom[r]
            if a >= 0 { out[r] = UInt32(atomCodes[Int(a)]); continue }
            out[r] = UInt32(run(Int(ruleStart[r]), Int(ruleStart[r + 1]), atomCodes))
        }
    }

    /// Runs one rule's postfix program (Kleene logic over codes 1 met, 2 not met, 3 unknown).
    @inline(__always)
    func run(_ lo: Int, _ hi: Int, _ atomCodes: UnsafeMutablePointer<UInt8>) -> UInt8 {
        var top = 0
        for j in lo..<hi {
            switch ops[j] {
            case 0: stack[top] = atomCodes[Int(args[j])]; top += 1
            case 1:
                let x = stack[top - 1]
                stack[top - 1] = x == 1 ? 2 : (x == 2 ? 1 : 3)
            default:
                let n = Int(args[j])
                let isAnd = ops[j] == 2
                var decided = false, unknown = false
                for k in (top - n)..<top {
                    let x = stack[k]
                    if x == 3 { unknown = true } else if (isAnd && x == 2) || (!isAnd && x == 1) { decided = true }
                }
                top -= n
                stack[top] = decided ? (isAnd ? 2 : 1) : (unknown ? 3 : (isAnd ? 1 : 2))
                top += 1
            }
        }
        return top > 0 ? stack[top - 1] : 3
    }
}

/// The names a `FastProgram` interns and the side tables of its atoms (built while lowering).
struct FastSymbols {
    var genes: [String: Int32] = [:]
    var agents: [String: Int32] = [:]
    var labTests: [String: Int32] = [:]
    var comorbidityTags: [String: Int32] = [:]
    var featureTags: [String: Int32] = [:]
    var lesions: [String] = []
    var oncotreeCodes: [String: Int32] = [:]
    /// oncotree code id → code
    var oncotreeNames: [String] = []

    // MARK: side tables of the atoms

    var labels: [(icc: Bool, text: String, contains: Bool)] = []
    var agentLists: [[Int32]] = []
    var variantPatterns: [VariantPattern] = []
    var mrdSpecs: [(marker: String, tissue: MRDTissue?, sel: MRDSelector)] = []
    var riskSpecs: [(scheme: String, accepted: [String])] = []
    var germlineSpecs: [(sel: GermlineSelector, gene: String?)] = []

    // MARK: lowering

    private static func intern(_ s: String, _ table: inout [String: Int32]) -> Int32 {
        if let i = table[s] { return i }
        let i = Int32(table.count)
        table[s] = i
        return i
    }

    mutating func lower(_ p: Predicate) -> FastAtom {
        switch p {
        case .age(let c, let v): return .age(c, v)
        case .ageRange(let lo, let hi): return .ageRange(lo, hi)
        case .sex(let list):
            var m: UInt8 = 0
            for s in list { m |= 1 << UInt8(FastBits.index(s, in: FastBits.sexes)) }
            return .sex(m)
        case .diagnosis(let cats):
            var m: UInt32 = 0
            for c in cats { m |= 1 << UInt32(FastBits.index(c, in: FastBits.categories)) }
            return .diagnosis(m)
        case .liquid: return .liquid
        case .diagnosisFlag(let f): return .diagnosisFlag(f)
        case .label(let icc, let text, let contains):
            labels.append((icc, text, contains))
            return .label(Int32(labels.count - 1))
        case .oncotree(let code, _, let isA):
            guard let code else { return .oncotree(code: -1, isA: isA) }
            return .oncotree(code: Self.intern(code, &oncotreeCodes), isA: isA)
        case .status(let sels):
            var m: UInt32 = 0, remission = false, first = false
            for s in sels {
                switch s {
                case .status(let x): m |= 1 << UInt32(FastBits.index(x, in: FastBits.statuses))
                case .remission: remission = true
                case .firstRemission: first = true
                }
            }
            return .status(mask: m, remission: remission, firstRemission: first)
        case .priorLines(let lo, let hi): return .priorLines(lo, hi)
        case .prior(let list, _, _, let within):
            agentLists.append(list.map { Self.intern($0, &agents) })
            return .prior(agents: Int32(agentLists.count - 1), within: Int32(within ?? -1))
        case .transplant(let type, let within):
            let t = type.map { Int8(FastBits.index($0, in: FastBits.transplantTypes)) } ?? -1
            return .transplant(type: t, within: Int32(within ?? -1))
        case .variant(let vp):
            variantPatterns.append(vp)
            return .variant(gene: Self.intern(vp.gene, &genes), pattern: Int32(variantPatterns.count - 1))
        case .tested(let g): return .tested(Self.intern(g, &genes))
        case .wildtype(let g): return .wildtype(Self.intern(g, &genes))
        case .fusion(let a, let b):
            return .fusion(a.map { Self.intern($0, &genes) } ?? -1, b.map { Self.intern($0, &genes) } ?? -1)
        case .karyotype(let sel):
            switch sel {
            case .normal: return .karyotypeNormal
            case .complex: return .karyotypeComplex
            case .monosomal: return .karyotypeMonosomal
            case .lesion(let l):
                if let i = lesions.firstIndex(of: l) { return .karyotypeLesion(Int32(i)) }
                lesions.append(l)
                return .karyotypeLesion(Int32(lesions.count - 1))
            }
        case .eln(let risks):
            var m: UInt8 = 0
            for r in risks { m |= 1 << UInt8(FastBits.index(r, in: FastBits.risks)) }
            return .eln(m)
        case .risk(let scheme, let accepted):
            riskSpecs.append((scheme, accepted))
            return .risk(Int32(riskSpecs.count - 1))
        case .mrd(let marker, let tissue, let sel):
            mrdSpecs.append((marker, tissue, sel))
            return .mrd(Int32(mrdSpecs.count - 1))
        case .lab(let test, let c, let v, _, _, let within):
            return .lab(test: Self.intern(test, &labTests), c, v, within: Int32(within ?? -1))
        case .ecog(let c, let v, let within): return .ecog(c, v, within: Int32(within ?? -1))
        case .comorbidity(let tag): return .comorbidity(Self.intern(tag, &comorbidityTags))
        case .feature(let tag): return .feature(Self.intern(tag, &featureTags))
        case .germline(let sel, let gene):
            germlineSpecs.append((sel, gene))
            return .germline(Int32(germlineSpecs.count - 1))
        case .unmapped: return .unmapped
        }
    }

}

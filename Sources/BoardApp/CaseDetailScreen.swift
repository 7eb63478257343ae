import CaseModel
import ClinicalRules
import ScreenKit

/// `case`: the whole case on one screen of panels. Tab moves the focus; `z` zooms the focused
/// panel; Enter on the trials panel lists every criterion of the selected trial with its reason.
public enum CaseDetailScreen {
    /// Panel rectangles for a content area: two columns, three bands.
    public static func layout(_ area: Rect) -> [CasePanel: Rect] {
        let cols = Layout.columns(area, [.percent(56), .fill])
        let h = area.height
        // Small screens give the MRD chart the room it needs (7 rows inside its border).
        let top = h < 30 ? 6 : h * 30 / 100, bottom = h < 30 ? 5 : max(6, h * 27 / 100)
        let rows = Layout.rows(area, [.fixed(top), .fill, .fixed(bottom)])
        func cell(_ c: Int, _ r: Int) -> Rect { Rect(x: cols[c].x, y: rows[r].y, width: cols[c].width, height: rows[r].height) }
        return [.identity: cell(0, 0), .genetics: cell(1, 0), .mrd: cell(0, 1), .trials: cell(1, 1),
                .timeline: cell(0, 2), .followUps: cell(1, 2)]
    }

    public static func render(_ s: AppState, into buffer: inout Buffer, area: Rect) {
        let st = s.caseDetail
        guard let d = st.detail else {
            buffer.write("Loading case \(st.id ?? "")...", x: area.x + 2, y: area.y + 1, role: .muted)
            return
        }
        if st.showReasons, let row = st.selectedTrial {
            LinesPanel(title: "Trial reasons: \(row.trialID)", lines: reasonLines(row, width: area.width - 3, ascii: s.ascii),
                       isFocused: true, ascii: s.ascii).render(into: &buffer, area: area, scroll: st.reasonsScroll)
            return
        }
        if st.zoomed {
            renderPanel(st.focus, d, s, into: &buffer, area: area)
            return
        }
        for (panel, rect) in layout(area) { renderPanel(panel, d, s, into: &buffer, area: rect) }
    }

    static func renderPanel(_ p: CasePanel, _ d: CaseDetail, _ s: AppState, into buffer: inout Buffer, area: Rect) {
        let st = s.caseDetail
        let focused = st.focus == p
        let w = area.width - 3
        switch p {
        case .mrd:
            MRDChartPanel.render(d, into: &buffer, area: area, focused: focused, ascii: s.ascii, scroll: st.scroll[.mrd] ?? 0)
        case .trials:
            renderTrials(d, s, into: &buffer, area: area, focused: focused)
        case .identity:
            LinesPanel(title: p.title, lines: identityLines(d, presenter: s.presenter, today: s.today, width: w, ascii: s.ascii),
                       isFocused: focused, ascii: s.ascii).render(into: &buffer, area: area, scroll: st.scroll[p] ?? 0)
        case .genetics:
            LinesPanel(title: p.title, lines: geneticsLines(d, width: w, ascii: s.ascii),
                       isFocused: focused, ascii: s.ascii).render(into: &buffer, area: area, scroll: st.scroll[p] ?? 0)
        case .timeline:
            LinesPanel(title: p.title, lines: timelineLines(d, ascii: s.ascii),
                       isFocused: focused, ascii: s.ascii).render(into: &buffer, area: area, scroll: st.scroll[p] ?? 0)
        case .followUps:
            LinesPanel(title: p.title, lines: followUpLines(d, ascii: s.ascii),
                       isFocused: focused, ascii: s.ascii).render(into: &buffer, area: area, scroll: st.scroll[p] ?? 0)
        }
    }

    /// The ELN risk in the header line, visible at every size: " · ELN 2022 favourable".
    public static func headerRisk(_ s: AppState) -> String {
        guard let d = s.caseDetail.detail, let e = d.interpretation.eln2022, e.applicable else { return "" }
        return Formatting.dot(s.ascii) + "ELN 2022 " + ClinicalGlyphs.elnWord(e).text
    }

    /// "Tested negative" grouped by panel, each with its assay, tissue and date; a gene with a variant
    /// recorded at any date is never listed as negative.
    static func testedNegativeLines(_ p: Patient, width: Int, ascii: Bool) -> [[Span]] {
        var out: [[Span]] = []
        let mutated = Set(p.variants.map(\.gene))
        for panel in p.testedGenes.sorted(by: { ($0.date, $0.assay) < ($1.date, $1.assay) }) {
            let genes = Set(panel.genes).subtracting(mutated).sorted()
            let head = "\(panel.assay)" + (panel.tissue.map { " \($0.rawValue)" } ?? " tissue not recorded") + " \(panel.date)"
            out.append([Span("Tested negative ", role: .muted), Span(head, role: .normal)])
            out += LinesPanel.wrapped(genes.isEmpty ? "no gene without a variant" : genes.joined(separator: " "), width: width, role: .muted, indent: 2,
                                      first: [Span("  ")])
        }
        return out
    }

    // MARK: panels

    static func identityLines(_ d: CaseDetail, presenter: Bool, today: LocalDate, width: Int, ascii: Bool) -> [[Span]] {
        let p = d.patient
        var out: [[Span]] = []
        if presenter {
            out.append([Span(p.id, role: .title), Span("  "), Span(p.initials, role: .presenter), Span("  identity hidden", role: .muted)])
        } else {
            var l: [Span] = [Span(p.id, role: .title), Span("  "), Span(p.displayName ?? "(no identity)")]
            if let mrn = p.identity?.mrn { l.append(Span("  MRN \(mrn)", role: .muted)) }
            out.append(l)
        }
        var l2 = "\(p.sex.rawValue), " + (p.age(on: today).map { "\($0) y" } ?? "birth date not recorded")
        if !presenter, let b = p.birthDate { l2 += " (born \(b))" }
        if let site = p.site { l2 += Formatting.dot(ascii) + site }
        out.append([Span(l2)])
        if let dx = p.diagnosis {
            var codes = [dx.icd10, dx.oncotree].compactMap { $0 }.joined(separator: ", ")
            if !codes.isEmpty { codes = " (\(codes))" }
            out.append([Span("Diagnosis ", role: .muted), Span("\(dx.category.rawValue)", role: .title), Span(" \(dx.date)\(codes)")])
            if let w = dx.who2022 { out += LinesPanel.wrapped(w, width: width, first: [Span("WHO 2022 ", role: .muted)]) }
            if let i = dx.icc2022 { out += LinesPanel.wrapped(i, width: width, first: [Span("ICC 2022 ", role: .muted)]) }
            var extra: [String] = []
            if let b = dx.blastsBM { extra.append("BM blasts \(Formatting.oneDecimal(b))%") }
            if let b = dx.blastsPB { extra.append("PB blasts \(Formatting.oneDecimal(b))%") }
            if dx.therapyRelated == true { extra.append("therapy-related") }
            if dx.postMDS == true { extra.append("post-MDS") }
            if dx.postMPN == true { extra.append("post-MPN") }
            if !extra.isEmpty { out.append([Span(extra.joined(separator: Formatting.dot(ascii)), role: .muted)]) }
        }
        if let st = p.status(on: today) {
            out.append([Span("Status ", role: .muted), Span(st.status.rawValue, role: .title), Span(" since \(st.date)", role: .muted)])
        }
        if let eln = d.interpretation.eln2022 {
            out.append([Span("ELN 2022 ", role: .muted), ClinicalGlyphs.elnWord(eln)])
            for drv in eln.drivers { out += LinesPanel.wrapped(drv, width: width, indent: 2, first: [Span(ascii ? "  - " : "  • ", role: .muted)]) }
            for m in eln.missing { out += LinesPanel.wrapped(m, width: width, role: .warning, indent: 2, first: [Span("  ? ", role: .warning)]) }
        } else if let c = p.diagnosis?.category {
            out.append([Span("ELN 2022 ", role: .muted), Span(c == .aml ? "not computed" : "n/a (\(c.rawValue))", role: .muted)])
        }
        if let e24 = d.interpretation.eln2024LessIntensive {
            out.append([Span("ELN 2024 less-intensive ", role: .muted), ClinicalGlyphs.elnWord(e24)])
        }
        return out
    }

    static func geneticsLines(_ d: CaseDetail, width: Int, ascii: Bool) -> [[Span]] {
        let p = d.patient
        var out: [[Span]] = []
        let g = d.interpretation.germline
        if !g.flags.isEmpty {
            if g.testingRecommended {
                out.append([Span(ascii ? "!! GERMLINE TESTING RECOMMENDED" : "⚠ GERMLINE TESTING RECOMMENDED", role: .germlineRedflag)])
            }
            for f in g.flags.sorted(by: { $0.level < $1.level }) {
                let head = ClinicalGlyphs.germlineLevelWord(f.level, ascii: ascii)
                let first = [head, Span(" " + (f.gene.map { $0 + ": " } ?? ""), role: head.role)]
                out += LinesPanel.wrapped(f.reason, width: width, role: head.role, indent: 4, first: first)
            }
            if !g.actions.isEmpty {
                out += LinesPanel.wrapped(g.actions.map(\.label).joined(separator: Formatting.dot(ascii)), width: width,
                                          role: .warning, indent: 2, first: [Span("Next: ", role: .muted)])
            }
        }
        if let k = p.karyotypes.max(by: { $0.date < $1.date }) {
            let text = k.iscn ?? (k.abnormalities.isEmpty ? "normal karyotype" : k.abnormalities.joined(separator: ", "))
            out += LinesPanel.wrapped(text + " (\(k.date))", width: width, first: [Span("Karyotype ", role: .muted)])
        } else {
            out.append([Span("Karyotype ", role: .muted), Span("not done", role: .warning)])
        }
        for f in p.fusions { out.append([Span("Fusion ", role: .muted), Span(f.name, role: .title), Span(" \(f.date)" + (f.method.map { " \($0)" } ?? ""), role: .muted)]) }
        for v in p.variants.sorted(by: { ($0.gene, $0.date) < ($1.gene, $1.date) }) {
            var spans: [Span] = [Span(v.gene, role: .title)]
            let change = v.hgvsp ?? v.hgvsc?.split(separator: ":").last.map(String.init) ?? v.consequence?.rawValue ?? ""
            if !change.isEmpty { spans.append(Span(" " + change)) }
            if let vaf = v.vaf { spans.append(Span(" VAF " + Formatting.vaf(vaf))) }
            switch v.origin {
            case .germline: spans.append(Span(" GERMLINE", role: .germlineConfirmed))
            case .somatic: spans.append(Span(" somatic", role: .muted))
            case .unknown: spans.append(Span(" origin ?", role: .muted))
            }
            if let t = v.tissue { spans.append(Span(" " + t.rawValue, role: .muted)) }
            if let c = v.classification, c != .pathogenic { spans.append(Span(" " + c.rawValue, role: .muted)) }
            spans.append(Span(" \(v.date)", role: .muted))
            out.append(spans)
        }
        if p.variants.isEmpty && p.fusions.isEmpty {
            out.append([Span(p.testedGenes.isEmpty ? "No molecular testing recorded" : "No variant found on tested panels", role: .muted)])
        }
        out += testedNegativeLines(p, width: width, ascii: ascii)
        if !p.familyHistory.isEmpty {
            for f in p.familyHistory {
                out.append([Span("Family ", role: .muted), Span("\(f.relation.rawValue): \(f.condition)" + (f.ageAtDiagnosis.map { " at \($0)" } ?? ""))])
            }
        }
        return out
    }

    static func renderTrials(_ d: CaseDetail, _ s: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        let rows = d.trials
        let e = rows.filter { $0.verdict == .eligible }.count, po = rows.filter { $0.verdict == .possiblyEligible }.count
        let inner = Panel(title: "Trials", isFocused: focused, ascii: s.ascii,
                          rightTitle: rows.isEmpty ? "" : "\(e) eligible, \(po) possibly").render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        let content = Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 1), height: inner.height)
        guard !rows.isEmpty else {
            buffer.write("No trial verdicts for this case.", x: content.x, y: content.y, role: .muted, maxWidth: content.width)
            return
        }
        var list = s.caseDetail.trialList
        ListView(rowCount: rows.count, isFocused: focused, ascii: s.ascii) { i in
            let r = rows[i]
            var v = ClinicalGlyphs.verdict(r.verdict, ascii: s.ascii)
            v.text = TextFit.fit(v.text, width: 12)
            return [v, Span(" " + r.trialID, role: .title), Span(" " + r.title, role: .muted)]
        }.render(into: &buffer, area: content, state: &list)
    }

    /// Every criterion of every arm of a trial with its result and reason; unknowns as what to obtain.
    public static func reasonLines(_ row: CaseTrialRow, width: Int, ascii: Bool) -> [[Span]] {
        var out: [[Span]] = []
        out += LinesPanel.wrapped(row.title, width: width, role: .title, first: [Span(row.trialID + "  ", role: .title)])
        out.append([Span("Verdict: "), ClinicalGlyphs.verdict(row.verdict, ascii: ascii), Span(" (best open arm: \(row.bestArm))", role: .muted)])
        for arm in row.arms {
            out.append([])
            out.append([Span("Arm \(arm.arm) ", role: .header), ClinicalGlyphs.trialStatus(arm.armStatus), Span("  "),
                        ClinicalGlyphs.verdict(arm.verdict, ascii: ascii)])
            for c in arm.criteria {
                let kind = c.kind == .inclusion ? "incl " : "EXCL "
                out += LinesPanel.wrapped(c.text, width: width, indent: 16,
                                          first: [Span(kind, role: .muted), ClinicalGlyphs.criterion(c.result, kind: c.kind, ascii: ascii), Span("  ")])
                out += LinesPanel.wrapped(c.reason, width: width, role: .muted, indent: 18,
                                          first: [Span(String(repeating: " ", count: 16)), Span(ascii ? "> " : "↳ ", role: .muted)])
            }
            let unknowns = arm.unknowns
            if !unknowns.isEmpty {
                out.append([Span("  To obtain:", role: .trialPossibly)])
                for u in unknowns {
                    out += LinesPanel.wrapped(u.reason, width: width, role: .trialPossibly, indent: 6, first: [Span("    ? ", role: .trialPossibly)])
                }
            }
        }
        return out
    }

    static func timelineLines(_ d: CaseDetail, ascii: Bool) -> [[Span]] {
        let p = d.patient
        var items: [(LocalDate, [Span])] = []
        let arrow = ascii ? "->" : "→"
        for t in p.therapies {
            var spans: [Span] = [Span("\(t.start)", role: .muted)]
            spans.append(Span(t.end.map { " \(arrow) \($0)" } ?? " \(arrow) ongoing  ", role: .muted))
            spans.append(Span(" \(t.intent.rawValue)", role: .title))
            spans.append(Span(" \(t.regimen)"))
            if !t.agents.isEmpty { spans.append(Span(" (\(t.agents.joined(separator: ", ")))", role: .muted)) }
            if let l = t.line { spans.append(Span(" L\(l)", role: .muted)) }
            if let r = t.response { spans.append(Span(" \(arrow) \(r)")) }
            items.append((t.start, spans))
        }
        for t in p.transplants {
            var spans: [Span] = [Span("\(t.date)", role: .muted), Span("               ")]
            spans.append(Span(t.type == .allogeneic ? " allogeneic HSCT" : " autologous HSCT", role: .title))
            if let dn = t.donor { spans.append(Span(" donor \(dn)")) }
            if let g = t.gvhd { spans.append(Span(" GVHD \(g.rawValue)", role: g == .none ? .muted : .warning)) }
            items.append((t.date, spans))
        }
        if items.isEmpty { return [[Span("No therapy or transplant recorded.", role: .muted)]] }
        return items.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func followUpLines(_ d: CaseDetail, ascii: Bool) -> [[Span]] {
        if d.followUps.isEmpty { return [[Span("No follow-up scheduled.", role: .muted)]] }
        return d.followUps.map { t in
            var v = ClinicalGlyphs.task(t.status, ascii: ascii)
            v.text = TextFit.fit(v.text, width: 11)
            var spans: [Span] = [v, Span(" \(t.due) "), Span(t.kind, role: .title)]
            if let n = t.note { spans.append(Span(" \(Formatting.none(ascii)) " + n, role: .muted)) }
            return spans
        }
    }
}

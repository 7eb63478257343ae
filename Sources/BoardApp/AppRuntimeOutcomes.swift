extension AppRuntime {
    /// The Outcomes view's analysis (a job, off the UI thread in the terminal); a failure (no patient with the data, a
    /// bad cohort expression, a read error) comes back as its message, shown in place of the chart.
    static func outcomes(_ q: OutcomesQuery, _ repository: CaseRepository) -> [Action] {
        do { return [.outcomesLoaded(try repository.outcomes(q))] } catch { return [.outcomesFailed(q, "\(error)")] }
    }
}

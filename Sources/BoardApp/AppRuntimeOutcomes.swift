extension AppRuntime {
    /// The Outcomes view's analysis; a failure (no patient with the data, a bad cohort expression, a read error)
    /// comes back as its message, shown in place of the chart.
    func performOutcomes(_ q: OutcomesQuery) {
        do { send(.outcomesLoaded(try repository.outcomes(q))) } catch { send(.outcomesFailed(q, "\(error)")) }
    }
}

import CaseModel

public enum MRDSelector: String, Sendable { case positive, negative, logRise = "log-rise" }

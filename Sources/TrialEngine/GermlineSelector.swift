import CaseModel

public enum GermlineSelector: String, Sendable { case confirmed, suspected, redFlag = "red-flag", tested }

import CaseModel

public enum DiagnosisFlag: String, Sendable { case therapyRelated = "therapy-related", postMDS = "post-MDS", postMPN = "post-MPN" }

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Caseboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caseboard", targets: ["caseboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
    ],
    targets: [
        // Plain value types: patients, diagnoses, variants, MRD, trials, screening, meetings, audit.
        .target(name: "CaseModel"),
        // Pure clinical rules: ELN 2022/2024, MRD kinetics, germline flags, follow-up schedules.
        .target(name: "ClinicalRules", dependencies: ["CaseModel"]),
        // Trial files, criteria language, compiled tri-state evaluator, CTML import.
        .target(name: "TrialEngine", dependencies: [
            "CaseModel", "ClinicalRules", .product(name: "Yams", package: "Yams"),
        ]),
        // SQLite schema, migrations, import/export, audit log, demo generator. The only code touching SQLite (asks
        // ClinicalRules for the follow-up status and urgency order of the tasks it stores).
        .target(name: "CaseStore", dependencies: ["CaseModel", "ClinicalRules", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        // Interchange formats in and out: ClinicalTrials.gov records, FHIR R4, VCF, result tables.
        .target(name: "Interop", dependencies: ["CaseModel", "ClinicalRules", "TrialEngine", "CaseStore", .product(name: "Yams", package: "Yams")]),
        // Cells, buffers, widgets, key maps, themes. Knows nothing of ncurses.
        .target(name: "ScreenKit"),
        // ncursesw through a small shim header.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The only code that touches ncurses.
        .target(name: "CursesBackend", dependencies: ["ScreenKit", "CNcursesw"]),
        // App state, actions, reducer, screens. Data through a repository protocol.
        .target(name: "BoardApp", dependencies: ["CaseModel", "ClinicalRules", "TrialEngine", "ScreenKit", "CohortOutcomes", "SurvivalStats"]),
        // The application layer both front ends share: trial catalogue from the database, case analysis, matching
        // service (stored verdicts, recompute, fallback), case query and row projection, reports, live repository.
        .target(name: "CaseboardCore", dependencies: ["CaseModel", "ClinicalRules", "TrialEngine", "CaseStore", "BoardApp", "Interop", "CohortOutcomes", "SurvivalStats"]),
        // The performance benchmark and its SQL baseline (reads the benchmark file through GRDB directly).
        .target(name: "CaseboardBench", dependencies: [
            "CaseModel", "ClinicalRules", "TrialEngine", "CaseStore", "CaseboardCore", "BoardApp",
        ]),
        // Survival statistics (Kaplan–Meier, log-rank, Cox, cumulative incidence) and their CSV input. Foundation only.
        .target(name: "SurvivalStats"),
        // Cohort outcomes: ELN 2022 Table 9 endpoints per patient, cohorts (--where, --by), their survival statistics.
        .target(name: "CohortOutcomes", dependencies: ["CaseModel", "ClinicalRules", "TrialEngine", "SurvivalStats"]),
        // Headless backend and golden-screen assertions (used by tests).
        .target(name: "ScreenTesting", dependencies: ["ScreenKit", "BoardApp", "CaseModel", "ClinicalRules"]),
        .executableTarget(name: "caseboard", dependencies: [
            "CaseModel", "ClinicalRules", "TrialEngine", "CaseStore", "ScreenKit", "CursesBackend", "BoardApp", "Interop",
            "CaseboardCore", "CaseboardBench", "SurvivalStats", "CohortOutcomes",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "CaseModelTests", dependencies: ["CaseModel"]),
        .testTarget(name: "ClinicalRulesTests", dependencies: ["CaseModel", "ClinicalRules"]),
        .testTarget(name: "TrialEngineTests", dependencies: ["CaseModel", "ClinicalRules", "TrialEngine"]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseModel", "CaseStore", "ClinicalRules", "TrialEngine", "ScreenTesting"]),
        .testTarget(name: "InteropTests", dependencies: ["CaseModel", "Interop", "TrialEngine", "CaseStore", "ClinicalRules"]),
        .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["ScreenKit", "CursesBackend"]),
        .testTarget(name: "CaseboardCoreTests", dependencies: ["CaseModel", "CaseStore", "ClinicalRules", "TrialEngine", "BoardApp", "CaseboardCore", "ScreenTesting"]),
        .testTarget(name: "SurvivalStatsTests", dependencies: ["SurvivalStats", "ScreenTesting"]),
        .testTarget(name: "CohortOutcomesTests", dependencies: ["CaseModel", "ClinicalRules", "CohortOutcomes", "SurvivalStats", "CaseStore", "ScreenTesting"]),
        .testTarget(name: "BoardAppTests", dependencies: ["CaseModel", "BoardApp", "ScreenKit", "ScreenTesting", "CaseStore", "ClinicalRules"]),
    ],
    swiftLanguageModes: [.v6]
)

/// The benchmark's name for the engine adapter (moved to `CatalogueMatchEngine`, used by the app too).
typealias BenchMatchEngine = CatalogueMatchEngine

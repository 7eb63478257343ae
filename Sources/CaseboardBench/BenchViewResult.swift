/// One view opened through the headless backend (`caseboard bench`, key `views`): the time from the key or
/// command that opens it to its first full frame (`openMs`), and one more frame of it once open (`renderMs`).
struct BenchViewResult: Codable {
    var view: String
    var patients: Int
    var openMs: Double
    var renderMs: Double
}

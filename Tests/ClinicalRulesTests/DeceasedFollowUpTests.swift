import CaseModel
import XCTest
@testable import ClinicalRules

/// A patient recorded dead gets no new follow-up task and their open tasks are "patient deceased", never overdue
/// (issue #14 item e; `DeceasedRule`). The same patient alive gets generated tasks and an overdue one (so each
/// assertion could fail).
final class DeceasedFollowUpTests: XCTestCase {
    func patient(_ vital: VitalStatus) -> Patient {
        var p = Fixtures.aml(variants: [Fixtures.npm1])
        p.diseaseStatus = [DiseaseStatusEntry(date: Fixtures.dx, status: .newlyDiagnosed), DiseaseStatusEntry(date: Fixtures.d("2026-03-01"), status: .cr)]
        p.therapies = [Therapy(start: Fixtures.d("2026-01-12"), end: Fixtures.d("2026-02-10"), regimen: "7+3", agents: ["cytarabine", "daunorubicin"],
                               intent: .induction, line: 1)]
        p.followUps = [FollowUp(id: "T-1", due: Fixtures.d("2026-04-01"), kind: "clinic visit"),
                       FollowUp(id: "T-2", due: Fixtures.d("2026-03-15"), kind: "NPM1 MRD (PB)", done: Fixtures.d("2026-03-15"))]
        p.vitalStatus = vital
        if vital == .dead { p.death = Death(date: Fixtures.d("2026-05-02")) }
        return p
    }

    func testAliveHasGeneratedAndOverdueTasks() {
        let tasks = FollowUpScheduler.tasks(for: patient(.alive), today: Fixtures.today)
        XCTAssertTrue(tasks.contains { $0.source != "explicit" }, "the schedule generates tasks for a living patient")
        XCTAssertEqual(tasks.first { $0.id == "T-1" }?.status, .overdue)
    }

    func testDeadHasNoNewTaskAndOpenTasksArePatientDeceased() {
        let tasks = FollowUpScheduler.tasks(for: patient(.dead), today: Fixtures.today)
        XCTAssertEqual(tasks.map(\.id).sorted(), ["T-1", "T-2"], "only the explicit tasks, no generated one")
        XCTAssertEqual(tasks.first { $0.id == "T-1" }?.status, .patientDeceased)
        XCTAssertEqual(tasks.first { $0.id == "T-2" }?.status, .done, "a done task stays done")
        XCTAssertFalse(tasks.contains { $0.status == .overdue })
        // The worklist lists the open task as patient deceased, after the due ones.
        var other = patient(.alive)
        other.id = "T-AML-2"
        let list = FollowUpScheduler.worklist(patients: [patient(.dead), other], today: Fixtures.today)
        XCTAssertEqual(list.filter { $0.patient == "T-AML-1" && $0.status == .patientDeceased }.map(\.id), ["T-1"])
        let ranks = list.map(\.status)
        XCTAssertEqual(ranks, ranks.sorted(), "most urgent first: overdue, due soon, upcoming, patient deceased")
        XCTAssertLessThan(FollowUpStatus.upcoming, FollowUpStatus.patientDeceased)
        XCTAssertLessThan(FollowUpStatus.patientDeceased, FollowUpStatus.done)
    }

    func testUnknownVitalStatusIsNotDead() {
        let tasks = FollowUpScheduler.tasks(for: patient(.unknown), today: Fixtures.today)
        XCTAssertFalse(tasks.contains { $0.status == .patientDeceased })
        XCTAssertEqual(tasks.first { $0.id == "T-1" }?.status, .overdue)
    }

    /// formats.md §4: a follow-up's `status` is one of overdue | due-soon | upcoming | done. A deceased patient's open task
    /// is written with its due-date status and `"patientDeceased": true`, and reads back as patient deceased.
    func testJSONKeepsTheFourStatusesOfFormatsMd() throws {
        let tasks = FollowUpScheduler.tasks(for: patient(.dead), today: Fixtures.today)
        let data = try JSONEncoder().encode(tasks)
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let t1 = try XCTUnwrap(objects.first { $0["id"] as? String == "T-1" })
        XCTAssertEqual(t1["status"] as? String, "overdue", "due 2026-04-01, today \(Fixtures.today)")
        XCTAssertEqual(t1["patientDeceased"] as? Bool, true)
        let t2 = try XCTUnwrap(objects.first { $0["id"] as? String == "T-2" })
        XCTAssertEqual(t2["status"] as? String, "done")
        XCTAssertNil(t2["patientDeceased"], "the key only where the patient died and the task is open")
        for o in objects { XCTAssertTrue(["overdue", "due-soon", "upcoming", "done"].contains(o["status"] as? String ?? ""), "\(o)") }
        XCTAssertEqual(try JSONDecoder().decode([FollowUpTask].self, from: data), tasks, "read back: patient deceased again")
        let alive = try JSONEncoder().encode(FollowUpScheduler.tasks(for: patient(.alive), today: Fixtures.today))
        XCTAssertFalse(String(decoding: alive, as: UTF8.self).contains("patientDeceased"))
    }
}

/// The controlled list of board participant roles: physician specialties, counted once
/// each for the quorum (INCa / HAS: at least three physicians of different specialties), and non-physician
/// roles, listed but never counted. French and English spellings are aliases (hématologie = haematology =
/// hematology); matching ignores case, accents, hyphens and a trailing "-ist"/"-iste"/"-ogue" form listed here.
public enum BoardRoles {
    /// Canonical specialty → accepted spellings.
    public static let specialties: [(name: String, aliases: [String])] = [
        ("haematology", ["hematology", "hematologie", "haematologist", "hematologist", "hematologue", "clinical haematology", "hematologie clinique"]),
        ("paediatric haematology", ["pediatric hematology", "paediatric hematology", "hematologie pediatrique", "onco-hematologie pediatrique", "paediatric haematologist"]),
        ("pathology", ["pathologie", "anatomopathologie", "anatomie pathologique", "anapath", "pathologist", "pathologiste", "haematopathology", "hematopathologie"]),
        ("radiology", ["radiologie", "radiologist", "radiologue", "imaging", "imagerie"]),
        ("radiotherapy", ["radiotherapie", "radiation oncology", "radiotherapeute", "radiation oncologist"]),
        ("transplant", ["transplantation", "greffe", "allogreffe", "hsct", "bone marrow transplant", "cellular therapy", "therapie cellulaire"]),
        ("medical genetics", ["genetics", "genetique", "genetique medicale", "clinical genetics", "geneticist", "geneticien"]),
        ("biology", ["biologie", "biologist", "biologiste", "haematobiology", "hematobiologie", "cytogenetics", "cytogenetique", "molecular biology", "biologie moleculaire"]),
        ("medical oncology", ["oncology", "oncologie", "oncologie medicale", "oncologist", "oncologue"]),
        ("infectious diseases", ["infectiology", "infectiologie", "infectiologue"]),
        ("intensive care", ["reanimation", "icu", "critical care"]),
        ("internal medicine", ["medecine interne", "internist", "interniste"]),
        ("nuclear medicine", ["medecine nucleaire"]),
        ("geriatrics", ["geriatrie", "geriatric oncology", "oncogeriatrie", "geriatre"]),
        ("palliative care", ["soins palliatifs"]),
    ]
    /// Canonical non-physician role → accepted spellings.
    public static let nonPhysicianRoles: [(name: String, aliases: [String])] = [
        ("nurse", ["infirmier", "infirmiere", "ide", "nurse coordinator", "infirmiere coordinatrice", "ipa", "advanced practice nurse"]),
        ("coordinator", ["coordinatrice", "coordinateur", "research coordinator", "arc", "clinical research associate", "study coordinator"]),
        ("secretary", ["secretaire", "secretariat", "medical secretary"]),
        ("pharmacist", ["pharmacien", "pharmacienne", "pharmacy", "pharmacie"]),
        ("psychologist", ["psychologue", "psychology"]),
        ("social worker", ["assistante sociale", "assistant social", "social work"]),
        ("dietitian", ["dieteticien", "dieteticienne", "nutritionist"]),
        ("data manager", ["data management", "tec", "technicien d etudes cliniques"]),
        ("physiotherapist", ["kinesitherapeute", "kine"]),
    ]

    public enum Role: Equatable, Sendable {
        case specialty(String)
        case nonPhysician(String)
    }

    /// Lower case, accents folded, separators as single spaces.
    public static func normalise(_ s: String) -> String {
        let fold: [Character: Character] = ["é": "e", "è": "e", "ê": "e", "ë": "e", "à": "a", "â": "a", "ä": "a", "î": "i", "ï": "i",
                                            "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ç": "c", "æ": "a", "œ": "o"]
        var out = ""
        var space = false
        for c in s.lowercased() {
            let f = fold[c] ?? c
            if f == "-" || f == "_" || f == "'" || f == "’" || f == "/" || f == " " { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(f)
        }
        return out
    }

    /// The role a participant's typed specialty or role names, nil when it is not on the list.
    public static func classify(_ text: String) -> Role? {
        let n = normalise(text)
        for s in specialties where normalise(s.name) == n || s.aliases.contains(where: { normalise($0) == n }) { return .specialty(s.name) }
        for r in nonPhysicianRoles where normalise(r.name) == n || r.aliases.contains(where: { normalise($0) == n }) { return .nonPhysician(r.name) }
        return nil
    }

    /// The list for hints and error messages.
    public static var hint: String {
        "specialties: " + specialties.map(\.name).joined(separator: ", ")
            + "; non-physicians (listed, not counted): " + nonPhysicianRoles.map(\.name).joined(separator: ", ")
    }

    /// The distinct physician specialties of `participants` (canonical names, sorted): non-physician roles never
    /// count, three spellings of one specialty count once; a specialty not on the list counts under its own name.
    public static func physicianSpecialties(_ participants: [Participant]) -> [String] {
        var set = Set<String>()
        for p in participants where p.isPhysician {
            switch classify(p.specialty) {
            case .specialty(let s)?: set.insert(s)
            case .nonPhysician?: continue
            case nil: set.insert(normalise(p.specialty))
            }
        }
        return set.sorted()
    }

    /// A participant from a name and a typed role: a non-physician role is never a physician.
    public static func participant(name: String, role: String, nonPhysicianFlag: Bool) -> Participant {
        switch classify(role) {
        case .specialty(let s)?: return Participant(name: name, specialty: s, isPhysician: !nonPhysicianFlag)
        case .nonPhysician(let r)?: return Participant(name: name, specialty: r, isPhysician: false)
        case nil: return Participant(name: name, specialty: role, isPhysician: !nonPhysicianFlag)
        }
    }
}

#!/usr/bin/env bash
# Workflow command-line smoke test (issue 6): records a board decision, moves a screening status, marks
# a repeating task done, then reopens the database and finds them; checks refusals and exit statuses.
# Usage: Tests/Workflows/cli-smoke.sh PATH/TO/caseboard [TRIALS_DIR]
set -euo pipefail
bin=${1:?usage: cli-smoke.sh PATH/TO/caseboard [TRIALS_DIR]}
root="$(cd "$(dirname "$0")/../.." && pwd)"
trials=${2:-$root/demo-db/trials}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CASEBOARD_TODAY=2026-11-29 USER=smoke XDG_DATA_HOME="$tmp/data"
db="$tmp/w.sqlite"
fail() { echo "FAIL (workflows): $*"; exit 1; }
expect_rc() { local want=$1; shift; set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?; set -e
  [ "$rc" = "$want" ] || { cat "$tmp/err"; fail "exit $rc, expected $want: $*"; }; }

"$bin" demo-db --patients 40 --seed 11 --out "$db" >/dev/null 2>&1
# A trial id of the catalogue when there is one (any id is accepted when the database holds no catalogue).
trial=$(grep -h -m1 '^id:' "$trials"/*.yaml 2>/dev/null | head -1 | sed 's/^id:[[:space:]]*//; s/["'\'']//g' || true)
trial=${trial:-SL-T-SMOKE-001}
targs=(); [ -d "$trials" ] && targs=(--trials "$trials")

m=$("$bin" meeting create --db "$db" --name "RCP LAM adultes" --site "Hôpital Test" --date 2026-11-29 2>/dev/null)
[ "$m" = "RCP-2026-11-29-1" ] || fail "meeting create printed '$m'"
"$bin" meeting add "$m" --db "$db" --case SL-AML-0001 --question "Allogreffe en RC1 ?" >/dev/null 2>&1
record() { "$bin" meeting record "$m" --db "$db" "${targs[@]}" --case SL-AML-0001 \
  --participant "Dr A:haematology" --participant "Dr B:pathology" --proposal "Allo-HSCT" --next-review 2027-01-15 "$@"; }
# The trial proposed must be one of the patient's eligible or possibly-eligible trials (when the engine has
# verdicts): a refusal lists them, and the first one is proposed.
proposed=""
set +e; record --trial "$trial" >"$tmp/out" 2>"$tmp/err"; rc=$?; set -e
if [ "$rc" = 0 ]; then proposed=$trial; cp "$tmp/err" "$tmp/record.err"
else
  grep -q "cannot be proposed" "$tmp/err" || { cat "$tmp/err"; fail "meeting record refused for another reason"; }
  cand=$(sed -n 's/.*possibly-eligible trials: \([^,.(]*\).*/\1/p' "$tmp/err" | head -1)
  if [ -n "$cand" ]; then expect_rc 0 record --trial "$cand"; cp "$tmp/err" "$tmp/record.err"; proposed=$cand; trial=$cand
  else expect_rc 0 record; cp "$tmp/err" "$tmp/record.err"; expect_rc 0 "$bin" screening set --db "$db" "${targs[@]}" --trial "$trial" --patient SL-AML-0001 --status identified
  fi
fi
grep -q "quorum not met" "$tmp/record.err" || fail "no quorum warning with two physician specialties"
expect_rc 1 "$bin" meeting record "$m" --db "$db" --case SL-AML-0001 --participant "Dr A:haematology" --proposal P --off-guideline
expect_rc 1 "$bin" meeting show RCP-NOPE --db "$db"
grep -q 'RCP-NOPE' "$tmp/err" || fail "unknown meeting id not named"

expect_rc 0 "$bin" screening set --db "$db" "${targs[@]}" --trial "$trial" --patient SL-AML-0001 --status pre-screened
expect_rc 1 "$bin" screening set --db "$db" "${targs[@]}" --trial "$trial" --patient SL-AML-0001 --status enrolled
expect_rc 1 "$bin" screening set --db "$db" "${targs[@]}" --trial "$trial" --patient NO-SUCH --status identified
grep -q 'NO-SUCH' "$tmp/err" || fail "unknown patient id not named"

worklist=$("$bin" followups --db "$db" --json 2>/dev/null)
task=$(grep -m1 -o '"id" : "[^"]*remission-cbc"' <<<"$worklist" | sed 's/.*: "//; s/"$//' || true)
[ -n "$task" ] || fail "no repeating CBC task in the demo worklist"
expect_rc 0 "$bin" followups done "$task" --db "$db" --date 2026-11-20
grep -q "next occurrence $task#2" "$tmp/out" || fail "done on a repeating task created no next occurrence"
# The AML remission CBC repeats every 3 months (91 days): the next one is due 91 days after the done date.
grep -q "due 2027-02-19" "$tmp/out" || fail "the next occurrence is not due 91 days after the done date: $(cat "$tmp/out")"
expect_rc 1 "$bin" followups done "$task#2" --db "$db" --read-only
grep -q "read-only" "$tmp/err" || fail "read-only refusal without a clear message"
expect_rc 1 "$bin" followups done NO-SUCH:task --db "$db"
grep -q 'NO-SUCH:task' "$tmp/err" || fail "unknown task id not named"

# Reopen and find everything (outputs captured first: `grep -q` on a pipe would end the writer early).
md=$("$bin" meeting export "$m" --format md --db "$db" 2>/dev/null)
if [ -n "$proposed" ]; then want="| Clinical trial proposed | yes — $proposed |"; else want="| Clinical trial proposed | no |"; fi
grep -qF "$want" <<<"$md" || fail "decision not in the export"
html=$("$bin" meeting export "$m" --format html --db "$db" 2>/dev/null)
grep -q "<svg " <<<"$html" || fail "no SVG chart in the HTML export"
log=$("$bin" screening list --db "$db" --json 2>/dev/null)
grep -q '"status" : "pre-screened"' <<<"$log" || fail "screening status not stored"
csv=$("$bin" screening export --db "$db" "${targs[@]}" --trial "$trial" --format csv 2>/dev/null)
grep -q "^trial,arm,patient,.*,reason_code,reason_text," <<<"$csv" || fail "CSV rows header"
grep -q "^measure," <<<"$csv" && fail "the rows CSV holds a second table"
summary=$("$bin" screening export --db "$db" "${targs[@]}" --trial "$trial" --format csv --summary 2>/dev/null)
# Pre-screened is possibly eligible, never counted as eligible (issue 17).
grep -q "^possibly_eligible,,1$" <<<"$summary" || fail "CSV summary: possibly eligible"
grep -q "^eligible,,0$" <<<"$summary" || fail "CSV summary: a pre-screened patient counted as eligible"
list=$("$bin" followups --db "$db" --json 2>/dev/null)
grep -q "\"$task#2\"" <<<"$list" || fail "next occurrence not on the worklist"
grep -q "\"SL-AML-0001:rcp-review-$m\"" <<<"$list" || fail "RCP review task not on the worklist"

# Stored trial results (issue 4): on a writable database `match` and `cases` serve the stored results, brought
# up to date first; the output must equal the on-the-fly output of --read-only, and a second run recomputes nothing.
same() { # same OUTPUT_LABEL ARGS…: writable vs --read-only stdout
  local label=$1; shift
  "$bin" "$@" --db "$db" "${targs[@]}" >"$tmp/rw" 2>"$tmp/rw.err" || { cat "$tmp/rw.err"; fail "$label (writable) failed"; }
  "$bin" "$@" --db "$db" "${targs[@]}" --read-only >"$tmp/ro" 2>/dev/null || fail "$label (read-only) failed"
  [ -s "$tmp/ro" ] || fail "$label printed nothing"
  cmp -s "$tmp/rw" "$tmp/ro" || { diff "$tmp/rw" "$tmp/ro" | head -5; fail "$label: stored and on-the-fly outputs differ"; }
}
same "match --trial" match --trial "$trial"
same "match --trial --json" match --trial "$trial" --json
same "match --trial --candidates" match --trial "$trial" --candidates
same "match --patient" match --patient SL-AML-0001
same "match --patient --json --candidates" match --patient SL-AML-0001 --json --candidates
same "cases --json" cases --json
CASEBOARD_MATCH_REPORT=1 "$bin" match --patient SL-AML-0001 --db "$db" "${targs[@]}" >/dev/null 2>"$tmp/err"
grep -q "stored match results: 0 patients and 0 trials recomputed, 0 trials removed, 0 rows written" "$tmp/err" \
  || { cat "$tmp/err"; fail "a second run recomputed stored results"; }
# Another day: every patient re-matched.
CASEBOARD_MATCH_REPORT=1 "$bin" match --patient SL-AML-0001 --db "$db" "${targs[@]}" --today 2026-11-30 >/dev/null 2>"$tmp/err"
grep -q "stored match results: 40 patients and 0 trials recomputed" "$tmp/err" || { cat "$tmp/err"; fail "another day did not re-match every patient"; }
# The terminal UI's catalogue counts from the stored results equal the on-the-fly ones (only the READ-ONLY mark differs).
CASEBOARD_WAIT_STORED=1 "$bin" screen trials --db "$db" "${targs[@]}" --size 120x40 2>/dev/null | sed 's/READ-ONLY/         /' >"$tmp/rw"
"$bin" screen trials --db "$db" "${targs[@]}" --size 120x40 --read-only 2>/dev/null | sed 's/READ-ONLY/         /' >"$tmp/ro"
cmp -s "$tmp/rw" "$tmp/ro" || { diff "$tmp/rw" "$tmp/ro" | head -5; fail "screen trials: stored and on-the-fly counts differ"; }
echo "workflow CLI smoke test passed"

#!/usr/bin/env bash
# The one application core, end to end on the built binary:
#  - `screen case-list --search TEXT` lists exactly the cases of `cases --filter q=TEXT` (one case query);
#  - a read failure (a damaged row, a missing table, a locked database) is an error with a message and exit 1/2,
#    never an empty or default answer.
set -euo pipefail
bin=${1:?usage: core.sh BIN}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
today=2026-11-29
fail() { echo "FAIL (core.sh): $*"; exit 1; }

for text in FLT3 IDH2 TP53 DDX41 RUNX1::RUNX1T1; do
  "$bin" cases --json --today $today --filter "q=$text" 2>/dev/null > "$tmp/cases.json"
  want=$(python3 -c 'import json,sys; print(" ".join(sorted(r["id"] for r in json.load(open(sys.argv[1])))))' "$tmp/cases.json")
  n=$(echo "$want" | wc -w)
  [ "$n" -gt 0 ] || fail "cases --filter q=$text lists no case"
  "$bin" screen case-list --search "$text" --size 200x60 --today $today 2>/dev/null > "$tmp/screen.txt"
  grep -q "^$n of [0-9]* cases" "$tmp/screen.txt" || grep -q " $n of [0-9]* cases" "$tmp/screen.txt" \
    || fail "screen case-list --search $text does not say $n cases: $(grep -m1 ' of .* cases' "$tmp/screen.txt" || true)"
  for id in $want; do
    short=${id:0:11}
    grep -q "^$short" "$tmp/screen.txt" || fail "screen case-list --search $text misses $id"
  done
done
echo "core: screen --search agrees with cases --filter q= for FLT3 IDH2 TP53 DDX41 RUNX1::RUNX1T1"

# A copy of the demo database to damage.
demo=$("$bin" demo-db 2>/dev/null)

# Relative dates wherever a date is typed: a nurse reschedules to +7d.
cp "$demo" "$tmp/relative.sqlite"
"$bin" followups --json --db "$tmp/relative.sqlite" --today $today > "$tmp/tasks.json" 2>/dev/null
task=$(grep -m1 -o '"id" : "[^"]*"' "$tmp/tasks.json" | sed 's/.*: "//; s/"$//')
[ -n "$task" ] || fail "no follow-up task to reschedule"
"$bin" followups reschedule "$task" --to +7d --reason "patient away" --db "$tmp/relative.sqlite" --today $today --user e2e > "$tmp/out.txt" 2>&1 \
  || fail "reschedule --to +7d refused: $(cat "$tmp/out.txt")"
grep -q "now due 2026-12-06" "$tmp/out.txt" || fail "+7d from $today is 2026-12-06: $(cat "$tmp/out.txt")"
set +e
"$bin" followups reschedule "$task" --to "+7x" --reason r --db "$tmp/relative.sqlite" --today $today --user e2e > /dev/null 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" -eq 1 ] && grep -q "expected a date" "$tmp/err.txt" || fail "a bad relative date must exit 1 with a message (rc $rc)"
echo "core: --to +7d reschedules to 2026-12-06; +7x is refused"
cp "$demo" "$tmp/damaged.sqlite"
python3 - "$tmp/damaged.sqlite" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE variant SET origin = 'martian' WHERE patientId = 'SL-AML-0042'")
c.commit()
PY
set +e
"$bin" case SL-AML-0042 --json --db "$tmp/damaged.sqlite" --today $today > "$tmp/out.json" 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "a damaged row must exit 2, got $rc"
grep -q "martian" "$tmp/err.txt" || fail "the message names the damaged value: $(cat "$tmp/err.txt")"
[ ! -s "$tmp/out.json" ] || fail "nothing is printed on stdout for a failed read"

cp "$demo" "$tmp/notable.sqlite"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("DROP TABLE followUpState"); c.commit()' "$tmp/notable.sqlite"
set +e
"$bin" followups --json --db "$tmp/notable.sqlite" --today $today > "$tmp/out.json" 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "a missing table must exit 2, got $rc ($(cat "$tmp/err.txt"))"
grep -q "followUpState" "$tmp/err.txt" || fail "the message names the missing table: $(cat "$tmp/err.txt")"
[ ! -s "$tmp/out.json" ] || fail "a failed worklist read prints no list"

# A locked database: another program holds an exclusive lock; a write waits, then refuses with exit 1.
cp "$demo" "$tmp/locked.sqlite"
python3 - "$tmp/locked.sqlite" "$tmp/locked.ready" <<'PY' &
import sqlite3, sys, time, pathlib
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
pathlib.Path(sys.argv[2]).touch()
time.sleep(12)
c.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 1 100); do [ -e "$tmp/locked.ready" ] && break; sleep 0.1; done
set +e
"$bin" meeting create --name "Locked" --db "$tmp/locked.sqlite" --today $today --user test > /dev/null 2> "$tmp/err.txt"; rc=$?
set -e
kill "$holder" 2>/dev/null || true; wait "$holder" 2>/dev/null || true
[ "$rc" -eq 1 ] || fail "a locked database must exit 1, got $rc ($(cat "$tmp/err.txt"))"
grep -qi "locked" "$tmp/err.txt" || fail "the message says the database is locked: $(cat "$tmp/err.txt")"
echo "core: damaged row → exit 2 naming the value; missing table → exit 2 naming it; locked → exit 1"

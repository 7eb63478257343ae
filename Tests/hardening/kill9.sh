#!/usr/bin/env bash
# Issue 12, build item 10: kill -9 at random moments during an import and during workflow writes, then check
# integrity_check, all-or-nothing counts and audit consistency. Usage:
#   bash Tests/hardening/kill9.sh [path/to/caseboard]   (default: .build/release/caseboard, else .build/debug/caseboard)
# KILLS_IMPORT (default 15) and KILLS_WRITES (default 10) set the number of kills. Exit 0 when every check held.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-}
if [ -z "$bin" ]; then
  if [ -x "$here/.build/release/caseboard" ]; then bin="$here/.build/release/caseboard"; else bin="$here/.build/debug/caseboard"; fi
fi
[ -x "$bin" ] || { echo "kill9: no caseboard binary at $bin (swift build first)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "kill9: sqlite3 is required" >&2; exit 1; }
kills_import=${KILLS_IMPORT:-15}
kills_writes=${KILLS_WRITES:-10}
export CASEBOARD_TODAY=2026-11-29
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
# A killed process releases its locks as it exits, which may be a moment after kill returns: the checks wait up to 5 s
# for a lock (a lock still held is not corruption; a damaged file fails integrity_check whatever the wait).
q() { sqlite3 -cmd ".timeout 5000" "$1" "$2"; }
# Waits (at most 5 s) until each given process has exited (a zombie has exited: it holds no file or lock).
gone() {
  for k in "$@"; do
    for _ in $(seq 1 500); do
      st=$(awk '/^State:/ {print $2}' "/proc/$k/status" 2>/dev/null)
      [ -z "$st" ] || [ "$st" = Z ] && break
      sleep 0.01
    done
  done
}

# A base database of 40 patients and a case file of 400 (the same id scheme: 40 replaced, 360 new).
"$bin" demo-db --patients 40 --seed 1 --out "$work/base.sqlite" 2>/dev/null || { echo "kill9: demo-db failed" >&2; exit 1; }
"$bin" demo-db --patients 400 --seed 2 --out "$work/big.sqlite" 2>/dev/null || { echo "kill9: demo-db failed" >&2; exit 1; }
"$bin" export --db "$work/big.sqlite" --out "$work/cases.json" 2>/dev/null || { echo "kill9: export failed" >&2; exit 1; }
base_n=$(q "$work/base.sqlite" "SELECT COUNT(*) FROM patient")
cp "$work/base.sqlite" "$work/ref.sqlite"
"$bin" import "$work/cases.json" --db "$work/ref.sqlite" --user ref 2>/dev/null || { echo "kill9: reference import failed" >&2; exit 1; }
full_n=$(q "$work/ref.sqlite" "SELECT COUNT(*) FROM patient")
full_v=$(q "$work/ref.sqlite" "SELECT COUNT(*) FROM variant")
base_v=$(q "$work/base.sqlite" "SELECT COUNT(*) FROM variant")
start=$(date +%s.%N)
t0=$(date +%s%N); "$bin" import "$work/cases.json" --db "$work/base.sqlite.copy" --user t >/dev/null 2>&1; t1=$(date +%s%N)
import_ms=$(( (t1 - t0) / 1000000 )); [ "$import_ms" -lt 50 ] && import_ms=50
rm -f "$work"/base.sqlite.copy*

survived=0; corrupt=0; partial=0; committed=0; rolledback=0
for i in $(seq 1 "$kills_import"); do
  db="$work/k$i.sqlite"; cp "$work/base.sqlite" "$db"
  "$bin" import "$work/cases.json" --db "$db" --user "kill$i" >/dev/null 2>&1 &
  pid=$!
  delay_ms=$(( (RANDOM * 7919 + i * 104729) % (import_ms * 2 + 20) ))
  sleep "$(printf '0.%03d' $((delay_ms % 1000)))"; [ $delay_ms -ge 1000 ] && sleep $((delay_ms / 1000))
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  ic=$(q "$db" "PRAGMA integrity_check" 2>&1)
  n=$(q "$db" "SELECT COUNT(*) FROM patient" 2>&1); v=$(q "$db" "SELECT COUNT(*) FROM variant" 2>&1)
  a=$(q "$db" "SELECT COUNT(*) FROM auditLog WHERE action = 'import' AND who = 'kill$i'" 2>&1)
  if [ "$ic" != "ok" ]; then corrupt=$((corrupt + 1)); echo "kill9: import kill $i after ${delay_ms} ms: integrity_check: $ic" >&2
  elif [ "$n" = "$full_n" ] && [ "$v" = "$full_v" ] && [ "$a" = 1 ]; then committed=$((committed + 1)); survived=$((survived + 1))
  elif [ "$n" = "$base_n" ] && [ "$v" = "$base_v" ] && [ "$a" = 0 ]; then rolledback=$((rolledback + 1)); survived=$((survived + 1))
  else partial=$((partial + 1)); echo "kill9: import kill $i after ${delay_ms} ms: partial state: $n patients, $v variants, $a audit rows" >&2
  fi
  rm -f "$db" "$db-wal" "$db-shm"
done

# Workflow writes: a stream of nurse notes killed at random; every stored note has exactly one audit row.
db="$work/w.sqlite"; cp "$work/base.sqlite" "$db"
task=$("$bin" followups --db "$db" --json 2>/dev/null | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' | head -1)
[ -n "$task" ] || { echo "kill9: no follow-up task found" >&2; exit 1; }
t0=$(date +%s%N); "$bin" followups note "$task" --text "timing" --db "$db" --user timing >/dev/null 2>&1; t1=$(date +%s%N)
note_ms=$(( (t1 - t0) / 1000000 )); [ "$note_ms" -lt 20 ] && note_ms=20
wsurvived=0
for i in $(seq 1 "$kills_writes"); do
  ( for j in $(seq 1 200); do "$bin" followups note "$task" --text "k$i-$j" --db "$db" --user "n$i" >/dev/null 2>&1; done ) &
  pid=$!
  delay_ms=$(( note_ms / 2 + (RANDOM * 7919 + i * 104729) % (3 * note_ms) ))
  sleep "$(printf '0.%03d' $((delay_ms % 1000)))"; [ $delay_ms -ge 1000 ] && sleep $((delay_ms / 1000))
  # Stop the loop first (so it cannot start a new note between the two kills), then kill its note and the loop.
  kill -STOP "$pid" 2>/dev/null; kids=$(pgrep -P "$pid" 2>/dev/null)
  pkill -9 -P "$pid" 2>/dev/null; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  # The killed note was the loop's child: `wait` does not wait for it; the check runs once it has exited.
  # shellcheck disable=SC2086
  gone $kids
  ic=$(q "$db" "PRAGMA integrity_check" 2>&1)
  notes=$(q "$db" "SELECT COUNT(*) FROM followUpState WHERE note IS NOT NULL")
  audits=$(q "$db" "SELECT COUNT(*) FROM auditLog WHERE action = 'followUp.note'")
  if [ "$ic" != "ok" ]; then corrupt=$((corrupt + 1)); echo "kill9: write kill $i: integrity_check: $ic" >&2
  elif [ "$notes" != "$audits" ]; then partial=$((partial + 1)); echo "kill9: write kill $i: $notes notes but $audits audit rows" >&2
  else wsurvived=$((wsurvived + 1)); fi
done
"$bin" followups --db "$db" >/dev/null 2>&1 || { echo "kill9: the database no longer reads after the write kills" >&2; fail=1; }

total=$((kills_import + kills_writes)); ok=$((survived + wsurvived))
secs=$(echo "$(date +%s.%N) - $start" | bc 2>/dev/null || echo "?")
echo "kill9: $total kills ($kills_import during imports: $committed committed, $rolledback rolled back; $kills_writes during writes, $notes notes / $audits audit rows): $ok survived, $corrupt corrupt, $partial partial, ${secs} s"
[ "$corrupt" = 0 ] && [ "$partial" = 0 ] && [ "$fail" = 0 ] && [ "$ok" = "$total" ]

#!/usr/bin/env bash
# Issue 12 items 5, 8 and 11 on the built binary:
#  - `audit verify` passes on an untouched database and names the first bad row (exit 1) after a row is altered
#    or removed with sqlite3 (the append-only triggers dropped first: they refuse both);
#  - reads work while another process holds the write lock, with the database in rollback-journal mode (no -wal
#    file) and in WAL mode; a write then fails after the busy timeout naming the process to wait for;
#  - a database in a read-only directory (0555) is read with --read-only (run as `nobody` when we are root,
#    since root ignores directory permissions).
# Usage: bash Tests/hardening/open-audit.sh [path/to/caseboard]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "${1:-$here/.build/debug/caseboard}")" && pwd)/$(basename "${1:-$here/.build/debug/caseboard}")
[ -x "$bin" ] || { echo "open-audit: no caseboard binary at $bin" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "open-audit: sqlite3 is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "open-audit: python3 is required" >&2; exit 1; }
export CASEBOARD_TODAY=2026-11-29
work=$(mktemp -d)
holder_pid=
trap '[ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null; chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fails=0
fail() { echo "FAIL (open-audit.sh): $*"; fails=$((fails + 1)); }

"$bin" demo-db --patients 12 --seed 3 --out "$work/base.sqlite" 2>/dev/null || { echo "open-audit: demo-db failed" >&2; exit 1; }
task=$("$bin" followups --json --db "$work/base.sqlite" 2>/dev/null | grep -m1 -o '"id" : "[^"]*"' | sed 's/.*: "//; s/"$//')
for i in 1 2 3; do
  "$bin" followups note "$task" --text "note $i" --db "$work/base.sqlite" --user e2e >/dev/null 2>&1 || fail "followups note $i refused"
done
rows=$(sqlite3 "$work/base.sqlite" "SELECT COUNT(*) FROM auditLog")
[ "$rows" -ge 3 ] || fail "expected at least 3 audit rows, got $rows"

# 1. audit verify: intact, then altered, then removed.
out=$("$bin" audit verify --db "$work/base.sqlite" 2>&1); rc=$?
[ "$rc" -eq 0 ] && echo "$out" | grep -q "audit chain intact: $rows rows" || fail "verify on an untouched database: rc $rc, $out"
cp "$work/base.sqlite" "$work/altered.sqlite"
sqlite3 "$work/altered.sqlite" "UPDATE auditLog SET who = 'mallory' WHERE id = 3" 2>/dev/null && fail "the trigger let an UPDATE through"
sqlite3 "$work/altered.sqlite" "DELETE FROM auditLog WHERE id = 3" 2>/dev/null && fail "the trigger let a DELETE through"
sqlite3 "$work/altered.sqlite" "DROP TRIGGER auditLog_append_only_update; UPDATE auditLog SET who = 'mallory' WHERE id = 3"
out=$("$bin" audit verify --db "$work/altered.sqlite" 2>&1); rc=$?
[ "$rc" -eq 1 ] && echo "$out" | grep -q "broken at row 3" || fail "an altered row 3 must fail verify naming row 3: rc $rc, $out"
cp "$work/base.sqlite" "$work/removed.sqlite"
sqlite3 "$work/removed.sqlite" "DROP TRIGGER auditLog_append_only_delete; DELETE FROM auditLog WHERE id = 2"
out=$("$bin" audit verify --db "$work/removed.sqlite" 2>&1); rc=$?
[ "$rc" -eq 1 ] && echo "$out" | grep -q "broken at row 3" || fail "a removed row 2 must fail verify at row 3: rc $rc, $out"
echo "open-audit: verify intact ($rows rows), altered row 3 and removed row 2 found"

# 2. Reads while another process holds the write lock.
hold() { # hold DB: BEGIN IMMEDIATE in a python3 process until killed
  rm -f "$work/ready"
  python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(60)' "$1" "$work/ready" &
  holder_pid=$!
  for _ in $(seq 1 100); do [ -f "$work/ready" ] && return 0; sleep 0.1; done
  fail "the lock holder did not start"
}
for mode in delete wal; do
  db="$work/locked-$mode.sqlite"; cp "$work/base.sqlite" "$db"
  sqlite3 "$db" "PRAGMA journal_mode = $mode" >/dev/null
  [ ! -e "$db-wal" ] || fail "$mode: a -wal file exists before the test"
  hold "$db"
  t0=$(date +%s%N)
  n=$("$bin" cases --json --db "$db" 2>"$work/err.txt" | grep -c '"id" : ' ); rc=${PIPESTATUS[0]}
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  [ "$rc" -eq 0 ] && [ "$n" -eq 12 ] || fail "$mode: cases while another process holds the write lock: rc $rc, $n cases, $(cat "$work/err.txt")"
  "$bin" case "$(sqlite3 "$db" "SELECT id FROM patient LIMIT 1")" --db "$db" >/dev/null 2>"$work/err.txt" || fail "$mode: case while locked: $(cat "$work/err.txt")"
  "$bin" followups note "$task" --text "while locked" --db "$db" --user e2e >/dev/null 2>"$work/err.txt"; rc=$?
  [ "$rc" -eq 1 ] && grep -q "still busy after waiting 3 s; wait for process $holder_pid (python3) holding" "$work/err.txt" \
    || fail "$mode: a write while locked must exit 1 naming the holder: rc $rc, $(cat "$work/err.txt")"
  kill "$holder_pid"; wait "$holder_pid" 2>/dev/null; holder_pid=
  "$bin" followups note "$task" --text "after the lock" --db "$db" --user e2e >/dev/null 2>&1 || fail "$mode: the write after the lock was released"
  echo "open-audit: $mode journal: cases read while locked in $ms ms; the write names process (python3)"
done

# 3. A read-only directory.
mkdir "$work/ro"; cp "$work/base.sqlite" "$work/ro/cases.sqlite"; chmod 0644 "$work/ro/cases.sqlite"; chmod 0555 "$work/ro"
chmod 0755 "$work"
run=("$bin")
if [ "$(id -u)" = 0 ]; then run=(setpriv --reuid=65534 --regid=65534 --clear-groups "$bin"); fi
n=$(cd / && "${run[@]}" cases --json --read-only --db "$work/ro/cases.sqlite" 2>"$work/err.txt" | grep -c '"id" : '); rc=${PIPESTATUS[0]}
[ "$n" -eq 12 ] || fail "--read-only in a 0555 directory: $n cases, $(cat "$work/err.txt")"
ls "$work/ro" | grep -q -- '-shm\|-wal' && fail "a -shm/-wal appeared in the read-only directory"
echo "open-audit: --read-only lists $n cases from a 0555 directory"
# 4. File modes (issue 12 item 7): 0600/0700 by default, 0660/0770 with --group-shared, whatever the umask.
mode() { stat -c %a "$1"; }
mkdir -p "$work/modes/private" "$work/modes/shared"
(umask 022
 XDG_DATA_HOME="$work/modes/xdg-private" "$bin" demo-db >/dev/null 2>&1
 XDG_DATA_HOME="$work/modes/xdg-shared" "$bin" demo-db --group-shared >/dev/null 2>&1
 "$bin" demo-db --patients 3 --seed 4 --out "$work/modes/private/p.sqlite" >/dev/null 2>&1
 "$bin" demo-db --patients 3 --seed 4 --out "$work/modes/shared/s.sqlite" --group-shared >/dev/null 2>&1
 "$bin" backup --db "$work/modes/shared/s.sqlite" --out "$work/modes/shared/b.sqlite" --group-shared >/dev/null 2>&1
 "$bin" backup --db "$work/modes/private/p.sqlite" --out "$work/modes/private/b.sqlite" >/dev/null 2>&1
 "$bin" export --db "$work/modes/shared/s.sqlite" --out "$work/modes/shared/e.json" --group-shared >/dev/null 2>&1
 "$bin" export --db "$work/modes/private/p.sqlite" --out "$work/modes/private/e.json" >/dev/null 2>&1
 "$bin" restore "$work/modes/shared/b.sqlite" --out "$work/modes/shared/r.sqlite" --group-shared >/dev/null 2>&1)
for f in private/p.sqlite private/b.sqlite private/e.json; do
  [ "$(mode "$work/modes/$f")" = 600 ] || fail "$f is $(mode "$work/modes/$f" 2>&1), expected 600"
done
for d in xdg-private xdg-private/caseboard; do [ "$(mode "$work/modes/$d")" = 700 ] || fail "$d is $(mode "$work/modes/$d" 2>&1), expected 700"; done
for d in xdg-shared xdg-shared/caseboard; do [ "$(mode "$work/modes/$d")" = 770 ] || fail "--group-shared $d is $(mode "$work/modes/$d" 2>&1), expected 770"; done
for f in "$work"/modes/xdg-private/caseboard/*.sqlite; do [ "$(mode "$f")" = 600 ] || fail "demo $f is $(mode "$f"), expected 600"; done
for f in "$work"/modes/xdg-shared/caseboard/*.sqlite; do [ "$(mode "$f")" = 660 ] || fail "--group-shared demo $f is $(mode "$f"), expected 660"; done
for f in shared/s.sqlite shared/b.sqlite shared/e.json shared/r.sqlite; do
  [ "$(mode "$work/modes/$f")" = 660 ] || fail "--group-shared $f is $(mode "$work/modes/$f" 2>&1), expected 660"
done
"$bin" followups --db "$work/modes/shared/s.sqlite" --group-shared >/dev/null 2>&1
for f in "$work"/modes/shared/s.sqlite-*; do [ -e "$f" ] && { [ "$(mode "$f")" = 660 ] || fail "$f is $(mode "$f"), expected 660"; }; done
echo "open-audit: file modes 600/700 by default, 660/770 with --group-shared (umask 022)"
[ "$fails" -eq 0 ] || exit 1
echo "open-audit: all checks held"

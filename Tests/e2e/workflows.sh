#!/usr/bin/env bash
# End-to-end test of the workflows in the terminal UI (issue 6): in tmux, on a copy of a synthetic demo
# database, the binary records a board decision (meeting mode), marks a task done (worklist) and moves a
# screening status (screening view, then undoes a second move with u), reschedules a task to +7d in the form,
# checks that the screening cursor stays on its patient after a re-sort, quits; the script then reopens the
# database through the command line (`meeting show`, `followups --json`, `screening list --json`) and finds
# them there. Also checks that --read-only refuses a write key with a message and writes nothing.
#
# Usage: Tests/e2e/workflows.sh [path/to/caseboard]
set -euo pipefail
E2E_SESSION=cbflow E2E_NAME=workflows
# shellcheck source=session.sh
. "$(dirname "$0")/session.sh" "$@"

step "demo database copy (60 patients, seed 3), a meeting with one case on its agenda"
"$BIN" demo-db --patients 60 --seed 3 --out "$WORK/demo.sqlite" >/dev/null 2>&1
cp "$WORK/demo.sqlite" "$DB"
# Output to a file first: `grep -m1` on a pipe closes it early and the writer's SIGPIPE fails the pipeline.
"$BIN" cases --db "$DB" --json > "$WORK/cases.json" 2>/dev/null
CASE=$(grep -m1 -o '"id" : "SL-AML-[0-9]*"' "$WORK/cases.json" | sed 's/.*: "//; s/"$//')
[ -n "$CASE" ] || fail "no AML case in the demo copy"
M=$("$BIN" meeting create --db "$DB" --name "RCP LAM e2e" --site "Site E2E" --date 2026-11-29 2>/dev/null)
"$BIN" meeting add "$M" --db "$DB" --case "$CASE" --question "Allogreffe en RC1 ?" >/dev/null 2>&1
"$BIN" followups --db "$DB" --json > "$WORK/tasks.json" 2>/dev/null
TASK=$(grep -m1 -o '"id" : "[^"]*"' "$WORK/tasks.json" | sed 's/.*: "//; s/"$//')
[ -n "$TASK" ] || fail "no open follow-up task in the demo copy"
step "meeting $M with $CASE; most urgent task $TASK"

step "read-only: a write key says so and writes nothing"
before=$(cksum < "$DB")
tm -f /dev/null new-session -d -s "$S" -x 120 -y 40 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='E2E-READY\$ ' bash --norc --noprofile"
tm set-option -t "$S" -g status off >/dev/null
wait_for "E2E-READY" 10
keys "export CASEBOARD_TODAY=$CASEBOARD_TODAY USER=$USER XDG_DATA_HOME=\"$XDG_DATA_HOME\"" Enter
keys "clear; \"$BIN\" --db \"$DB\" --read-only 2>\"$WORK/stderr\"; echo EXIT=\$? > \"$WORK/exit-ro\"" Enter
wait_for "READ-ONLY today" 60
keys 3
wait_for "tasks" 10
keys d
wait_for "Read-only: cannot mark a task done" 5
keys q
i=0; while [ ! -s "$WORK/exit-ro" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$WORK/exit-ro" 2>/dev/null)" = "EXIT=0" ] || fail "read-only run did not exit 0"
[ "$(cksum < "$DB")" = "$before" ] || fail "the read-only run changed the database"

step "open the UI on the copy"
keys "clear; \"$BIN\" --db \"$DB\" 2>\"$WORK/stderr\"; echo EXIT=\$? > \"$WORK/exit\"" Enter
wait_for "SYNTHETIC DEMO DATA" 60

step "board meeting: open $M, record the decision"
keys 5
wait_for "RCP LAM e2e" 10
keys Enter
wait_for "case 1 of 1" 10
wait_for "No decision recorded yet" 10
keys e
wait_for "Participants (Name:role" 5
keys -l "Dr A:haematology; Dr B:pathology; Dr C:radiology"
keys Tab Tab
keys -l "Allo-HSCT in CR1 (e2e)"
keys Enter; keys Enter; keys Enter; keys Enter   # guideline, justification, trial, next review
keys Enter                                       # Enter on the last field saves
wait_for "Decision recorded for $CASE" 10
wait_for "Proposal: Allo-HSCT in CR1 (e2e)" 5

step "worklist: mark $TASK done"
keys 3
wait_for "OVERDUE" 10
keys d
wait_for "Mark done" 5
keys y
wait_for "Done: " 10

step "worklist: reschedule the selected task to +7d (a relative date typed in the form)"
keys r
wait_for "Reschedule " 5
keys -l "+7d"
keys Tab
keys -l "patient away (e2e)"
keys Enter
wait_for "now due 2026-12-06" 10                  # +7d from 2026-11-29 (issue 17: relative dates in every form)

step "screening: move the first candidate of the first trial to identified, then pre-screened, undo the latter"
keys 4
wait_for "Choose trial" 10
keys Enter
wait_for "Candidates for" 30
keys m
wait_for "New status" 5
keys Enter; keys Enter; keys Enter; keys Enter; keys Enter; keys Enter   # status, date, reason code, reason, criterion, recheck
wait_for "is now identified" 10
line=$(pane | grep -o 'Screening [^ ]*: [^ ]* is now identified' | head -1)
TRIAL=$(sed 's/^Screening \([^:]*\): .*/\1/' <<<"$line"); PATIENT=$(sed 's/^Screening [^:]*: \([^ ]*\) is now.*/\1/' <<<"$line")
[ -n "$TRIAL" ] && [ -n "$PATIENT" ] || fail "could not read the screening change from the status line"
keys m
wait_for "New status" 5
# The status change re-sorted the candidates: the cursor stayed on the patient it changed (issue 17).
wait_for "· $PATIENT (now identified)" 5
keys F2                                          # F2 saves from any field
wait_for "is now pre-screened" 10
keys u
wait_for "Undo the screening status" 5             # u asks first, naming the change (issue 17)
keys y
wait_for "Undone: screening status pre-screened of $PATIENT on $TRIAL" 10

step "quit"
keys q
i=0; while [ ! -s "$WORK/exit" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$WORK/exit" 2>/dev/null)" = "EXIT=0" ] || fail "exit status: $(cat "$WORK/exit" 2>/dev/null || echo none)"
wait_for "E2E-READY" 5
[ "$(tm display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "the alternate screen is still on after quitting"

step "reopen the database through the command line"
show=$("$BIN" meeting show "$M" --db "$DB" 2>/dev/null)
grep -qF "proposal: Allo-HSCT in CR1 (e2e)" <<<"$show" || { echo "$show"; fail "decision not found by meeting show"; }
grep -qF "Dr C (radiology)" <<<"$show" || { echo "$show"; fail "participants not recorded"; }
grep -qF "recorded by: e2e-nurse" <<<"$show" || { echo "$show"; fail "recordedBy is not the user"; }
grep -q "WARNING" <<<"$show" && fail "quorum of three specialties reported as missing"
open=$("$BIN" followups --db "$DB" --json 2>/dev/null)
grep -qF "\"$TASK\"" <<<"$open" && fail "task $TASK is still open after done"
log=$("$BIN" screening list --db "$DB" --json 2>/dev/null)
grep -qF "\"$PATIENT\"" <<<"$log" || { echo "$log"; fail "screening record of $PATIENT on $TRIAL not found"; }
st=$("$BIN" screening list --db "$DB" --trial "$TRIAL" 2>/dev/null)
grep "$PATIENT" <<<"$st" | grep -q "identified" || { echo "$st"; fail "screening status of $PATIENT is not identified"; }
grep "$PATIENT" <<<"$st" | grep -q "pre-screened" && { echo "$st"; fail "the undone change (pre-screened) is still there"; }
echo "PASS: workflows end-to-end (decision $M/$CASE, task $TASK done, screening $TRIAL/$PATIENT identified, undo)"

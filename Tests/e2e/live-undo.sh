#!/usr/bin/env bash
# End-to-end test of issue 17 in tmux, on a copy of a synthetic demo database: undo asks and names the change
# (n keeps it, y undoes it), Ctrl-R redoes, "Nothing to undo" / "Nothing to redo", the U history panel; a
# `caseboard followups done` run from the command line while the UI is open appears in the running UI within 3 s
# with the worklist cursor still on its task; Ctrl-L reloads; and a command-line write without --user and $USER is
# refused with exit 1 while the UI asks once who is acting. Afterwards the command line finds what the UI left (the redone completion).
#
# Usage: Tests/e2e/live-undo.sh [path/to/caseboard]
set -euo pipefail
E2E_SESSION=cblive E2E_NAME=live-undo
# shellcheck source=session.sh
. "$(dirname "$0")/session.sh" "$@"
# Whether task $1 is open, per the command line (output to a file first: `grep -q` on a pipe closes it early and
# the writer's SIGPIPE would fail the pipeline).
is_open() { "$BIN" followups --db "$DB" --json > "$WORK/open.json" 2>/dev/null; grep -qF "\"$1\"" "$WORK/open.json"; }
# The id of the task under the worklist cursor, from its details dialog (Enter … Esc).
selected_task() {
  keys Enter
  wait_for "Follow-up task" 5
  local id
  id=$(pane | grep -o 'Task [^ ]*' | sed -n 1p | sed 's/^Task //')
  keys Escape
  wait_gone "Follow-up task" 5
  printf '%s' "$id"
}

step "demo database copy (60 patients, seed 3)"
"$BIN" demo-db --patients 60 --seed 3 --out "$WORK/demo.sqlite" >/dev/null 2>&1
cp "$WORK/demo.sqlite" "$DB"

step "command line without --user and \$USER: a write is refused, exit 1, nothing written"
set +e
env -u USER "$BIN" meeting create --db "$DB" --name "RCP nobody" --date 2026-11-29 >/dev/null 2>"$WORK/nouser.err"; rc=$?
set -e
[ "$rc" -eq 1 ] || fail "a write without an actor exited $rc, expected 1"
grep -qF -- '--user NAME (or set $USER)' "$WORK/nouser.err" || { cat "$WORK/nouser.err"; fail "the refusal does not say how to name the actor"; }
"$BIN" meeting list --db "$DB" > "$WORK/meetings.txt" 2>/dev/null
grep -qF "RCP nobody" "$WORK/meetings.txt" && fail "the refused write created a meeting"

step "open the UI on the copy, worklist, cursor on the third task"
tm -f /dev/null new-session -d -s "$S" -x 120 -y 40 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='E2E-READY\$ ' bash --norc --noprofile"
tm set-option -t "$S" -g status off >/dev/null
wait_for "E2E-READY" 10
keys "export CASEBOARD_TODAY=$CASEBOARD_TODAY USER=$USER XDG_DATA_HOME=\"$XDG_DATA_HOME\"" Enter
keys "clear; \"$BIN\" --db \"$DB\" 2>\"$WORK/stderr\"; echo EXIT=\$? > \"$WORK/exit\"" Enter
wait_for "SYNTHETIC DEMO DATA" 60
keys 3
wait_for "OVERDUE" 10
keys u
wait_for "Nothing to undo" 5
keys C-r
wait_for "Nothing to redo." 5
keys j; keys j
SEL=$(selected_task) || { echo "$SEL"; fail "could not open the selected task's details"; }
[ -n "$SEL" ] || fail "could not read the selected task's id"
"$BIN" followups --db "$DB" --json > "$WORK/tasks.json" 2>/dev/null
OTHER=$(grep -o '"id" : "[^"]*"' "$WORK/tasks.json" | sed 's/.*: "//; s/"$//' | grep -vxF "$SEL" | sed -n 1p)
[ -n "$OTHER" ] || fail "no second open task"
is_open "$SEL" || fail "the selected task $SEL is not in the command line's open tasks"
step "cursor on $SEL; the command line marks $OTHER done"

step "a change made elsewhere appears within 3 s, the cursor stays on $SEL"
"$BIN" followups done "$OTHER" --db "$DB" >/dev/null 2>"$WORK/cli.err" || { cat "$WORK/cli.err"; fail "followups done $OTHER failed"; }
t0=$(date +%s%N)
wait_for "Updated with changes made elsewhere." 3
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
step "noticed after ${ms} ms"
[ "$(selected_task)" = "$SEL" ] || fail "the cursor moved off $SEL after the reload"
keys C-l
wait_for "Reloaded from the database." 5
[ "$(selected_task)" = "$SEL" ] || fail "the cursor moved off $SEL after Ctrl-L"

step "mark $SEL done, then u asks naming it; n keeps it"
keys d
wait_for "Mark done" 5
keys y
wait_for "Done: " 10
keys u
wait_for "Undo the task marked done" 5
shown=$(pane)
grep -qF -- "$SEL" <<<"$shown" || fail "the undo question does not name $SEL"
grep -qF "y/n" <<<"$shown" || fail "the undo question does not say y/n"
keys n
wait_gone "Undo the task marked done" 5
is_open "$SEL" && fail "n undid the completion of $SEL"

step "u, y undoes; Ctrl-R redoes; then nothing to undo after undo, nothing to redo after redo"
keys u
wait_for "Undo the task marked done" 5
keys y
wait_for "Undone: task marked done of $SEL" 10
is_open "$SEL" || fail "$SEL is not open again after the undo"
keys C-r
wait_for "Redone: task marked done of $SEL" 10
keys C-r
wait_for "Nothing to redo." 5
keys U
wait_for "History of this session (newest first)" 5
wait_for "redo of the task marked done of $SEL" 5
wait_for "[redone]" 5
keys Escape
wait_gone "History of this session" 5
keys 1
keys u
wait_for "Nothing to undo on this screen" 5

step "quit"
keys q
i=0; while [ ! -s "$WORK/exit" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$WORK/exit" 2>/dev/null)" = "EXIT=0" ] || fail "exit status: $(cat "$WORK/exit" 2>/dev/null || echo none)"
wait_for "E2E-READY" 5

step "the command line sees the redone completion"
is_open "$SEL" && fail "$SEL is open although the redo marked it done"
step "without --user and \$USER the UI asks once who is acting"
keys "clear; env -u USER \"$BIN\" --db \"$DB\" 2>\"$WORK/stderr\"; echo EXIT=\$? > \"$WORK/exit2\"" Enter
wait_for "Your name or initials for the record" 60
keys -l "MK"
keys Enter
wait_for "Recording as MK for this session." 5
keys q
i=0; while [ ! -s "$WORK/exit2" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$WORK/exit2" 2>/dev/null)" = "EXIT=0" ] || fail "exit status without a user: $(cat "$WORK/exit2" 2>/dev/null || echo none)"
echo "PASS: live data and undo end-to-end (external done noticed in ${ms} ms, cursor kept on $SEL; undo asks, redo, nothing to undo/redo)"

#!/usr/bin/env bash
# End-to-end test of the terminal UI: the built binary in tmux on the demo database.
# Opens the demo, searches a case with /, opens it, opens the trial reasons, resizes to 80x24 (and
# below the minimum) and back, quits with q, then checks that the terminal is restored (alternate
# screen left, the shell prompt back) and that the exit status is 0.
#
# Usage: Tests/e2e/tmux.sh [path/to/caseboard]
#   env CASEBOARD_BIN        binary (default: $(swift build --show-bin-path)/caseboard)
#   env E2E_CASE             case to search for (default: SL-AML-0042, a fixed demo scenario)
#   env E2E_REQUIRE_TRIALS=1 fail when the case has no trial verdicts (default: warn only, until the
#                            trial engine is wired into the UI)
#   env E2E_TIMEOUT          seconds to wait for the first frame (default 180: the demo may be built)
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8 LANG=C.UTF-8   # ${#line} counts characters
export TERM=${TERM:-xterm-256color}  # CI may run without a terminal type
[ "$TERM" = dumb ] && export TERM=xterm-256color
ROOT=$(pwd)

BIN=${1:-${CASEBOARD_BIN:-}}
if [ -z "$BIN" ]; then BIN="$(swift build --show-bin-path)/caseboard"; fi
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
[ -x "$BIN" ] || { echo "FAIL: no caseboard binary at $BIN (build first)"; exit 1; }
command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }

export CASEBOARD_TODAY=${CASEBOARD_TODAY:-2026-11-29}
CASE=${E2E_CASE:-SL-AML-0042}
FIRST_TIMEOUT=${E2E_TIMEOUT:-180}

WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
S=cbe2e
PROMPT='E2E-READY$ '
tm() { tmux -S "$SOCK" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

pane() { tm capture-pane -p -t "$S" 2>/dev/null || true; }
dump() {
  echo "---- pane ($(tm display -p -t "$S" '#{pane_width}x#{pane_height} alternate_on=#{alternate_on}' 2>/dev/null || echo gone)) ----"
  pane
  echo "---- end of pane ----"
  [ -s "$WORK/stderr" ] && { echo "---- caseboard stderr ----"; cat "$WORK/stderr"; }
  return 0
}
fail() { echo "FAIL: $*"; dump; exit 1; }
step() { echo "e2e: $*"; }

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# wait_size W H: until tmux reports the pane at that size.
wait_size() {
  local i=0
  while [ "$i" -lt 50 ]; do
    [ "$(tm display -p -t "$S" '#{pane_width}x#{pane_height}')" = "$1x$2" ] && return 0
    sleep 0.1; i=$((i + 1))
  done
  fail "pane did not become $1x$2"
}
keys() { tm send-keys -t "$S" "$@"; }

step "starting $BIN in tmux (120x40), today $CASEBOARD_TODAY"
tm -f /dev/null new-session -d -s "$S" -x 120 -y 40 \
  "env LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='$PROMPT' bash --norc --noprofile"
tm set-option -t "$S" -g status off >/dev/null
tm set-window-option -t "$S" -g aggressive-resize off >/dev/null 2>&1 || true
wait_for "E2E-READY" 10
keys "export CASEBOARD_TODAY=$CASEBOARD_TODAY XDG_DATA_HOME=\"${XDG_DATA_HOME:-$HOME/.local/share}\" CASEBOARD_STARTUP_LOG=\"$WORK/startup\"" Enter
keys "clear; \"$BIN\" 2>\"$WORK/stderr\"; echo EXIT=\$? > \"$WORK/exit\"" Enter

step "first frame"
wait_for "SYNTHETIC DEMO DATA" "$FIRST_TIMEOUT"
wait_for "cases  group:" 10
[ -s "$WORK/startup" ] && step "start-up: $(cat "$WORK/startup")"

step "search for $CASE with /"
keys "/"
sleep 0.2
keys -l "$CASE"
wait_for "search: \"$CASE\"" 10
wait_for "1 of " 10
pane | grep -F "$CASE" | grep -qv 'search:' || fail "the search did not list $CASE"
keys Enter          # keep the search, back to the list
sleep 0.2
keys Enter          # open the case
wait_for "Identity & diagnosis" 10
wait_for "Case $CASE" 5
wait_for "MRD" 5

step "open the trial reasons"
keys Enter          # focus the trials panel
sleep 0.2
keys Enter          # every criterion of the selected trial
sleep 0.5
if pane | grep -qF "No trial verdicts for this case."; then
  if [ "${E2E_REQUIRE_TRIALS:-0}" = 1 ]; then fail "the case has no trial verdicts (trial engine not wired?)"; fi
  echo "e2e: WARNING: no trial verdicts for $CASE (the trial engine is not wired into the UI yet): reasons view not checked"
else
  wait_for "Trial reasons:" 5
  wait_for "Verdict:" 5
  keys Escape       # back to the panels
  wait_gone "Trial reasons:" 5
fi

step "resize to 80x24"
tm resize-window -t "$S" -x 80 -y 24
wait_size 80 24
wait_for "Identity & diagnosis" 5
wait_for "Caseboard › Cases › Case $CASE" 5
# Redrawn for 80 columns: the breadcrumb row ends with today's date at the right edge (column 79-80).
crumb=$(pane | grep -F "Caseboard › Cases › Case $CASE" | head -1)
[ "${#crumb}" -le 80 ] && [ "${#crumb}" -ge 78 ] && [ "${crumb%today $CASEBOARD_TODAY}" != "$crumb" ] || fail "not redrawn for 80 columns: [$crumb] (${#crumb} characters)"

step "resize below the minimum (60x20) and back"
tm resize-window -t "$S" -x 60 -y 20
wait_size 60 20
wait_for "Terminal too small" 5
tm resize-window -t "$S" -x 120 -y 40
wait_size 120 40
wait_gone "Terminal too small" 5
wait_for "Identity & diagnosis" 5
wait_for "SYNTHETIC DEMO DATA" 5

step "quit with q"
keys q
i=0
while [ ! -s "$WORK/exit" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$WORK/exit" ] || fail "caseboard did not exit after q"
status=$(cat "$WORK/exit")
[ "$status" = "EXIT=0" ] || fail "exit status: $status (expected EXIT=0)"

step "terminal restored"
wait_for "E2E-READY" 5
[ "$(tm display -p -t "$S" '#{alternate_on}')" = 0 ] || fail "the alternate screen is still on after quitting"
pane | grep -qF "SYNTHETIC DEMO DATA" && fail "the UI is still on screen after quitting"
keys "stty -a | grep -o -- '-\\?echo ' | head -1 > \"$WORK/stty\"; tput cnorm >/dev/null; echo STTY-''DONE" Enter
wait_for "STTY-DONE" 5   # the typed command shows STTY-''DONE: only the output matches
grep -q '^echo' "$WORK/stty" || fail "terminal echo not restored (stty: $(cat "$WORK/stty"))"

step "Home and End under TERM=xterm-256color and tmux-256color (End used to arrive as ESC [ 4 ~: view 4)"
last=$("$BIN" cases --json 2>/dev/null > "$WORK/ids.json"; grep -o '"id" : "[^"]*"' "$WORK/ids.json" | tail -1 | sed 's/.*: "//; s/"$//')
first=$(grep -m1 -o '"id" : "[^"]*"' "$WORK/ids.json" | sed 's/.*: "//; s/"$//')
for term in xterm-256color tmux-256color; do
  infocmp "$term" >/dev/null 2>&1 || { echo "e2e: terminfo $term not installed: skipping it"; continue; }
  keys "clear; TERM=$term \"$BIN\" 2>\"$WORK/stderr\"; echo EXIT=\$? > \"$WORK/exit-$term\"" Enter
  wait_for "SYNTHETIC DEMO DATA" 60
  # The list's rows are read after the first frame: an End typed before they are there has nothing to move to
  # (on a slow CI machine that is a second or more), so wait for the first row before typing it.
  wait_for "${first:0:11}" 30
  keys End
  wait_for "${last:0:11}" 15
  pane | grep -qF "Caseboard › Cases" || fail "End under TERM=$term left the case list"
  keys Home
  wait_for "${first:0:11}" 15
  pane | grep -qF "Caseboard › Cases" || fail "Home under TERM=$term left the case list"
  keys q
  i=0; while [ ! -s "$WORK/exit-$term" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  [ "$(cat "$WORK/exit-$term" 2>/dev/null)" = "EXIT=0" ] || fail "caseboard under TERM=$term did not quit cleanly"
done

echo "PASS: tmux end-to-end ($CASE)"

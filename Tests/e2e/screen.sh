#!/usr/bin/env bash
# Contract of `caseboard screen NAME` (formats.md §4): every NAME renders on the demo database,
# unknown names and ids exit 1 with a message naming them, --ascii draws no Unicode glyphs.
# Usage: Tests/e2e/screen.sh [path/to/caseboard]
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=${TERM:-xterm-256color}
BIN=${1:-${CASEBOARD_BIN:-$(swift build --show-bin-path)/caseboard}}
[ -x "$BIN" ] || { echo "FAIL: no caseboard binary at $BIN"; exit 1; }
export CASEBOARD_TODAY=${CASEBOARD_TODAY:-2026-11-29}
out=$(mktemp); err=$(mktemp); trap 'rm -f "$out" "$err"' EXIT
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; exit 1; }

expect() {  # expect NAME TEXT [args…]
  local name=$1 text=$2; shift 2
  "$BIN" screen "$name" "$@" >"$out" 2>"$err" || fail "screen $name $* exited $?"
  grep -qF -- "$text" "$out" || fail "screen $name $*: no \"$text\""
  # The banner ends the first row: SYNTHETIC DEMO DATA, or at 80 columns DEMO (all six tabs stay visible).
  head -1 "$out" | grep -qE "(SYNTHETIC DEMO DATA| DEMO) *$" || fail "screen $name $*: no demo banner"
}
expect case-list "cases  group:"
expect case "Identity & diagnosis" --case SL-AML-0042
expect case "MRD" --case SL-AML-0042 --size 80x24
expect trials "Trial"
expect trial "arms and criteria"
expect worklist "tasks"
expect screening "Candidates"
expect meeting "Board meeting"
expect worklist "kind: all"
expect screening "screening log" --trial SL-T-AML-001
# With the trial engine wired (E2E_REQUIRE_TRIALS=1): real verdicts on the case and counts in the catalogue.
if [ "${E2E_REQUIRE_TRIALS:-0}" = 1 ]; then
  "$BIN" screen case --case SL-AML-0042 >"$out" 2>"$err" || fail "screen case exited $?"
  grep -qF "No trial verdicts for this case." "$out" && fail "the case has no trial verdicts (trial engine not wired?)"
  grep -qE "eligible|possibly|ineligible" "$out" || fail "no verdict on the case screen"
  "$BIN" screen trials >"$out" 2>"$err" || fail "screen trials exited $?"
  grep -qE "SL-T-[A-Z]+-[0-9]+" "$out" || fail "no trial in the catalogue screen"
fi
expect help "Help: Cases keys"
"$BIN" screen case-list --size 60x20 >"$out" 2>"$err" || fail "--size 60x20 exited $?"
grep -qF "Terminal too small" "$out" || fail "60x20 does not say the terminal is too small"

lines=$("$BIN" screen case-list --size 100x30 2>/dev/null | wc -l)
[ "$lines" -eq 30 ] || fail "--size 100x30 printed $lines lines"

"$BIN" screen case --case SL-AML-0042 --ascii >"$out" 2>"$err" || fail "--ascii exited $?"
if grep -q '[─│┌┐└┘├┤┬┴┼•…·—›↗↘→✓✗◆◇⚠▽●■]' "$out"; then fail "--ascii output has Unicode drawing glyphs"; fi

check_exit1() {  # check_exit1 MESSAGE args…
  local msg=$1; shift
  set +e; "$BIN" screen "$@" >"$out" 2>"$err"; local rc=$?; set -e
  [ "$rc" -eq 1 ] || fail "screen $*: exit $rc, expected 1"
  grep -qF -- "$msg" "$err" || fail "screen $*: message does not say \"$msg\""
}
check_exit1 'unknown screen "nope"' nope
check_exit1 "unknown case id NO-SUCH-CASE" case --case NO-SUCH-CASE
check_exit1 "unknown trial id NO-SUCH-TRIAL" trial --trial NO-SUCH-TRIAL
check_exit1 "--size" case-list --size 12
check_exit1 "unknown meeting id NO-SUCH-MEETING" meeting --meeting NO-SUCH-MEETING
echo "PASS: caseboard screen contract"

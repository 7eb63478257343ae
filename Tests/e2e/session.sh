# The common set-up of the tmux scripts that drive the UI on a copy of a demo database (workflows.sh,
# live-undo.sh). The sourcing script sets E2E_SESSION (tmux session name) and E2E_NAME (its name in messages)
# and passes its arguments; this resolves the binary, makes the work directory and the tmux helpers.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=${TERM:-xterm-256color}
[ "$TERM" = dumb ] && export TERM=xterm-256color
ROOT=$(pwd)
BIN=${1:-${CASEBOARD_BIN:-}}
if [ -z "$BIN" ]; then BIN="$(swift build --show-bin-path)/caseboard"; fi
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
[ -x "$BIN" ] || { echo "FAIL: no caseboard binary at $BIN (build first)"; exit 1; }
command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }

export CASEBOARD_TODAY=2026-11-29 USER=e2e-nurse
WORK=$(mktemp -d)
export XDG_DATA_HOME="$WORK/data"
SOCK="$WORK/tmux.sock"
S=$E2E_SESSION
DB="$WORK/copy.sqlite"
tm() { tmux -S "$SOCK" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
pane() { tm capture-pane -p -t "$S" 2>/dev/null || true; }
dump() { echo "---- pane ----"; pane; echo "---- end of pane ----"; [ -s "$WORK/stderr" ] && { echo "---- stderr ----"; cat "$WORK/stderr"; }; return 0; }
fail() { echo "FAIL ($E2E_NAME e2e): $*"; dump; exit 1; }
step() { echo "e2e-$E2E_NAME: $*"; }
# shellcheck source=lib.sh
. "$ROOT/Tests/e2e/lib.sh"
keys() { tm send-keys -t "$S" "$@"; sleep 0.15; }

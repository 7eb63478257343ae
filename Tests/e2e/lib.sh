# Shared helpers of the tmux end-to-end scripts. The sourcing script defines `pane` (prints the pane)
# and `fail` (reports, dumps the pane and exits).

# wait_for TEXT [SECONDS]: until the pane shows TEXT (fixed string).
wait_for() {
  local text=$1 limit=${2:-10} i=0
  while [ "$i" -lt $((limit * 10)) ]; do
    if pane | grep -qF -- "$text"; then return 0; fi
    sleep 0.1; i=$((i + 1))
  done
  fail "timed out after ${limit}s waiting for: $text"
}

# wait_gone TEXT [SECONDS]: until the pane no longer shows TEXT.
wait_gone() {
  local text=$1 limit=${2:-10} i=0
  while [ "$i" -lt $((limit * 10)) ]; do
    if ! pane | grep -qF -- "$text"; then return 0; fi
    sleep 0.1; i=$((i + 1))
  done
  fail "timed out after ${limit}s waiting for this to disappear: $text"
}

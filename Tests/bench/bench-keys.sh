#!/usr/bin/env bash
# `caseboard bench --json` at a small size (300 patients, one run): every key of issue #16 is printed, with a
# plausible value, and the figures that do not depend on the machine's load meet their targets
# (stored verdicts ≤ 1 kB per patient). Timing ratios are not asserted here (a debug build on a shared machine).
set -euo pipefail
bin=${1:?usage: bench-keys.sh CASEBOARD_BINARY}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" bench --sizes 300 --runs 1 --json --cache-dir "$tmp/cache" > "$tmp/bench.json" 2> "$tmp/bench.err" || {
  cat "$tmp/bench.err"; echo "FAIL: caseboard bench --sizes 300"; exit 1; }
python3 - "$tmp/bench.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d["matching"][0]
fail = []
positive = ["seconds", "sqlBaselineSeconds", "ratio", "endToEndSeconds", "endToEndRatio", "loadSeconds", "loadBaselineSeconds",
            "storedBytesPerPatient", "newDaySeconds", "importSeconds", "importPeakRSSMiB", "exportSeconds", "exportPeakRSSMiB",
            "firstFrameMs", "firstStoreSeconds"]
for k in positive:
    if not isinstance(m.get(k), (int, float)) or m[k] <= 0:
        fail.append(f"{k} = {m.get(k)!r} (expected a positive number)")
if m.get("patients") != 300:
    fail.append(f"patients = {m.get('patients')!r}")
if m.get("storedBytesPerPatient", 1e9) > 1024:
    fail.append(f"storedBytesPerPatient = {m.get('storedBytesPerPatient')} > 1024")
for cmd in ["cases --json", "cases --json (new day)", "match --trial", "export", "import"]:
    if not m.get("peakRSSMiB", {}).get(cmd, 0) > 0:
        fail.append(f"peakRSSMiB[{cmd!r}] missing")
views = {v["view"]: v for v in m.get("views", [])}
for name in ["case list", "case list sorted by trials", "case", "trials", "trial", "worklist", "screening", "meeting"]:
    v = views.get(name)
    if v is None or v["patients"] != 300 or not v["openMs"] > 0 or not v["renderMs"] > 0:
        fail.append(f"view {name!r}: {v!r}")
if fail:
    print("FAIL: caseboard bench --json:\n  " + "\n  ".join(fail))
    sys.exit(1)
print(f"bench keys present (300 patients: end to end {m['endToEndRatio']:.2f} x SQL, load {m['loadSeconds'] / m['loadBaselineSeconds']:.2f} x C API, "
      f"{m['storedBytesPerPatient']:.0f} stored bytes/patient, {len(views)} views)")
PY

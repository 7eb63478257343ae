#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/TrialEngineFuzz.swift (criteria parser, CTML importer).
#   bash Fuzz/build.sh            → .build/fuzz/trialengine-fuzz
#   CASEBOARD_FUZZ_TARGET=criteria .build/fuzz/trialengine-fuzz -runs=1000000 Fuzz/corpus/criteria
#   CASEBOARD_FUZZ_TARGET=ctml     .build/fuzz/trialengine-fuzz -runs=1000000 -max_len=4096 Fuzz/corpus/ctml
# TrialEngine, CaseModel, ClinicalRules and Yams are built instrumented (-sanitize=fuzzer) in their own scratch
# directory (.build/fuzz-scratch; a few minutes the first time), then the target is linked with libFuzzer's main.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build/fuzz-scratch
swift build --scratch-path "$scratch" --target TrialEngine -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link
dbg="$scratch/debug"
objs=$(find "$dbg/TrialEngine.build" "$dbg/CaseModel.build" "$dbg/ClinicalRules.build" "$dbg/Yams.build" "$dbg/CYaml.build" -name '*.o' 2>/dev/null)
yams_include=$(find .build/checkouts "$scratch/checkouts" -path '*Yams/Sources/CYaml/include' -type d 2>/dev/null | head -1)
mkdir -p .build/fuzz
swiftc -sanitize=fuzzer -parse-as-library -I "$dbg/Modules" -I "$dbg" -Xcc -fmodule-map-file="$yams_include/module.modulemap" -Xcc -I"$yams_include" Fuzz/TrialEngineFuzz.swift $objs -o .build/fuzz/trialengine-fuzz
echo "built .build/fuzz/trialengine-fuzz"

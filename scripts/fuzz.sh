#!/usr/bin/env bash
# Coverage-guided fuzzing of envelope decoding, raw-text parsing and HTML parsing with libFuzzer
# (Sources/EnrichdFuzz): builds the enrichd-fuzz product with -sanitize=fuzzer, then fuzzes a copy of
# the seed corpus (Tests/FuzzCorpus) in a temporary directory.
#
#   scripts/fuzz.sh [SECONDS [LIBFUZZER-FLAG...]]   # default 60 s; also stops after FUZZ_RUNS inputs
#
# Environment: FUZZ_RUNS (stop after this many inputs), FUZZ_SANITIZERS (default "fuzzer"; e.g.
# "fuzzer,address" adds AddressSanitizer, built in its own scratch path), FUZZ_MAX_LEN (default 16384),
# FUZZ_JOBS (swift build -j, default 2), ENRICHD_FUZZ_DUPLICATES (the pipeline's duplicate index, default
# 10,000 entries as in the daemon; 0 under AddressSanitizer, whose leak check after each input that kept
# memory would otherwise run on every input and cut the speed about eightfold).
# Exits non-zero on a crash, leak, timeout (an input taking over 10 s) or out-of-memory (over 2 GB RSS);
# the offending input is kept under .build-fuzz*/artifacts/ — replay it with
# `.build-fuzz/release/enrichd-fuzz FILE` (libFuzzer build) or `swift run enrichd-fuzz FILE` (plain build).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
[ $# -eq 0 ] || shift
sanitizers="${FUZZ_SANITIZERS:-fuzzer}"
max_len="${FUZZ_MAX_LEN:-16384}"
scratch=".build-fuzz"
if [ "$sanitizers" != "fuzzer" ]; then
    scratch=".build-fuzz-${sanitizers//,/-}"
    [[ "$sanitizers" != *address* ]] || export ENRICHD_FUZZ_DUPLICATES="${ENRICHD_FUZZ_DUPLICATES:-0}"
fi

# SwiftPM links executables with `--defsym main=EnrichdFuzz_main`; libFuzzer's runtime (linked whole)
# brings its own `main`. lld lets the defsym win (the target's main hands over to LLVMFuzzerRunDriver);
# gold aborts on this link with an internal error (format_file_lineno), so lld, shipped with the Swift
# toolchain, is used.
build_started=$(date +%s)
swift build -c release -j "${FUZZ_JOBS:-2}" --product enrichd-fuzz --scratch-path "$scratch" \
    -Xswiftc "-sanitize=$sanitizers" -Xswiftc -DENRICHD_LIBFUZZER -Xswiftc -use-ld=lld \
    -Xswiftc -warnings-as-errors
echo "fuzz: build took $(($(date +%s) - build_started)) s"
binary="$scratch/release/enrichd-fuzz"

work="$(mktemp -d "${TMPDIR:-/tmp}/enrichd-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp Tests/FuzzCorpus/* "$work/"
artifacts="$scratch/artifacts"
mkdir -p "$artifacts"

args=(
    "-max_total_time=$seconds" -rss_limit_mb=2048 -timeout=10 "-max_len=$max_len"
    -dict=scripts/fuzz.dict -print_final_stats=1 "-artifact_prefix=$artifacts/"
)
[ -z "${FUZZ_RUNS:-}" ] || args+=("-runs=$FUZZ_RUNS")
args+=("$@")
echo "fuzz: ENRICHD_FUZZ_DUPLICATES=${ENRICHD_FUZZ_DUPLICATES:-10000} $binary ${args[*]} $work"
log="$work/fuzz.log"
started=$(date +%s)
status=0
"$binary" "${args[@]}" "$work" 2> >(tee "$log" >&2) || status=$?
wait
elapsed=$(($(date +%s) - started))

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
echo "fuzz: ${runs:-?} inputs in ${elapsed} s (${speed:-?} exec/s), peak RSS ${rss:-?} MB, cov ${cov:-?}, ft ${ft:-?}, corpus ${corpus:-?}, sanitizers $sanitizers"
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (libFuzzer exit $status); inputs kept in $artifacts/:" >&2
    ls -l "$artifacts" >&2 || true
    exit "$status"
fi
echo "fuzz: ok, no crash, leak, timeout or OOM"

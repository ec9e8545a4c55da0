#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses of tests/fuzz with clang in _build-fuzz and runs each for a
# bounded time, as many at once as there are cores (or FUZZ_JOBS), starting from its seeds in
# tests/fuzz/corpus/NAME. Any crash, sanitizer finding, critical or hang fails the run; the
# input that caused it is kept in _build-fuzz/artifacts/ and printed. What the fuzzers add to
# the corpus stays in _build-fuzz/corpus/, so the seeds in the repository stay small.
#   tools/fuzz.sh [--time SECONDS] [NAME...]     (default: 30 seconds each, every harness)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
if [ "${1:-}" = "--time" ]; then
  seconds=$2
  shift 2
fi
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(date dataset fts saved-view store png)

tools/install-deps.sh --test

build=_build-fuzz
options=(-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
         -Dc_args=-fno-sanitize-recover=all)
if [ -f "$build/build.ninja" ]; then
  meson configure "$build" "${options[@]}"
else
  CC=clang meson setup "$build" "${options[@]}"
fi
ninja -C "$build"

supp="$PWD/tests/lsan.supp"
# strstr is not intercepted, as in the sanitizer suite (tests/meson.build says why).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:intercept_strstr=0"
export LSAN_OPTIONS="suppressions=$supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
export G_SLICE=always-malloc

# One fuzzer to a core: each is a single process.
jobs=${FUZZ_JOBS:-$(nproc)}
mkdir -p "$build/artifacts"
run_one () {
  local name=$1 corpus="$build/corpus/$1" status=0
  mkdir -p "$corpus"
  # The first folder receives what the fuzzer finds; the seeds are only read. -timeout makes
  # one input running for 20 s a finding too (a hang).
  "$build/tests/fuzz/fuzz-$name" -max_total_time="$seconds" -timeout=20 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-" \
    "$corpus" "tests/fuzz/corpus/$name" > "$build/artifacts/$name.log" 2>&1 || status=$?
  echo $status > "$build/artifacts/$name.status"
}
echo "fuzz: ${names[*]}, $seconds s each, $jobs at a time"
for name in "${names[@]}"; do
  rm -f "$build/artifacts/$name-"*
  run_one "$name" &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
    wait -n || true
  done
done
wait

failed=()
for name in "${names[@]}"; do
  log="$build/artifacts/$name.log"
  echo "fuzz-$name:"
  if [ "$(cat "$build/artifacts/$name.status")" = 0 ]; then
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" |
      sed "s/^/  /"
    grep -E '^#[0-9]+.*cov:' "$log" | tail -1 | sed "s/^/  /"
  else
    failed+=("$name")
    grep -v '^#[0-9]' "$log" | tail -60
    for artifact in "$build/artifacts/$name-"*; do
      [ -f "$artifact" ] || continue
      echo "fuzz-$name: input kept in $artifact (rerun: $build/tests/fuzz/fuzz-$name $artifact):"
      head -c 4096 "$artifact" | od -A d -c | head -40
    done
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no findings in ${names[*]}"

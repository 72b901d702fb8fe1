#!/bin/sh
# check.sh -- runs every test: the unit tests of the normal build and of the
# AddressSanitizer+UndefinedBehaviorSanitizer build, then the end-to-end
# scripts (tests/e2e/*.sh) against the sanitizer build. Needs nothing
# outside the repository (tests/fixtures holds what the tests read). Ends
# with the line "N passed, N failed" and a non-zero exit status if
# anything failed. DYAD_SKIP_E2E names e2e scripts not to run (the fresh
# clone's own run of make check skips the fresh-clone test).
set -u
cd "$(dirname "$0")/.." || exit 2
JOBS=${JOBS:-2}
passed=0
failed=0
failures=""

make -j"$JOBS" BUILD=build all tests || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
make -j"$JOBS" BUILD=build-asan SAN=1 all tests || { echo "asan build failed"; echo "0 passed, 1 failed"; exit 1; }

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1
for b in build build-asan; do
    for t in "$b"/tests/test_*; do
        [ -x "$t" ] || continue
        out=$("$t" 2>&1)
        rc=$?
        printf '%s\n' "$out"
        p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | head -1)
        f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | head -1)
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
        if [ "$rc" -ne 0 ] && [ -z "$f" ]; then
            failed=$((failed + 1)) # crashed before cmocka could count
        fi
        [ "$rc" -ne 0 ] && failures="$failures $t"
    done
done

# the fuzz corpora, replayed under the sanitizers
for t in text dict reader date http; do
    [ -d "fuzz/corpus/$t" ] || continue
    if out=$(build-asan/fuzz/replay_$t fuzz/corpus/$t/* 2>&1); then
        echo "fuzz corpus $t: $out"
        passed=$((passed + 1))
    else
        printf '%s\n' "$out" | tail -20
        failed=$((failed + 1))
        failures="$failures fuzz/corpus/$t"
    fi
done

# the layout of the C sources (.clang-format)
if out=$(make -s format-check 2>&1); then
    echo "$out"
    passed=$((passed + 1))
else
    printf '%s\n' "$out" | head -40
    failed=$((failed + 1))
    failures="$failures format-check"
fi

for s in tests/e2e/*.sh; do
    [ -f "$s" ] || continue
    case " ${DYAD_SKIP_E2E:-} " in *" $(basename "$s" .sh) "*) continue ;; esac
    echo "== $s"
    if DYAD="build-asan/dyad" DYAD_FAST="build/dyad" sh "$s"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures="$failures $s"
    fi
done

[ -n "$failures" ] && echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# Casualty figures scored on the Gun Violence Database dev split: killed and
# injured per article against the crowd annotation (exact-match rate and
# mean absolute error, computed by score_figures); fails if a rate falls
# below, or an error rises above, tests/accuracy/gvdb_dev.floor. The test
# split is scored by `make accuracy`, never here.
set -u
TOOLS=$(dirname "${DYAD:-build-asan/dyad}")/tools
SPLIT=${DYAD_SHARED:-../shared}/gold/gvdb/dev.tsv
out=$("$TOOLS/score_figures" "$SPLIT" data/dict) || { echo "score_figures failed"; exit 1; }
echo "$out"
fail=0
for m in killed_exact killed_mae injured_exact injured_mae; do
    got=$(echo "$out" | sed -n "s/.* $m=\([0-9.]*\).*/\1/p")
    lim=$(awk -v m="$m" '$1 == m { print $2 }' tests/accuracy/gvdb_dev.floor)
    [ -n "$got" ] && [ -n "$lim" ] || { echo "no $m score or limit"; exit 1; }
    case $m in
    *_exact) ok=$(awk -v g="$got" -v l="$lim" 'BEGIN { print (g >= l) }') ;;
    *) ok=$(awk -v g="$got" -v l="$lim" 'BEGIN { print (g <= l) }') ;;
    esac
    echo "GVDB dev $m: $got (limit $lim)"
    [ "$ok" = 1 ] || { echo "$m is past its limit"; fail=1; }
done
echo "$out" | grep -q 'articles=400 ' || { echo "expected 400 dev articles scored"; fail=1; }
exit $fail

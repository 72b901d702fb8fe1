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
. tests/e2e/lib/scores.sh
check_scores "GVDB dev" "$out" tests/accuracy/gvdb_dev.floor killed_exact killed_mae injured_exact injured_mae ||
    fail=1
echo "$out" | grep -q 'articles=400 ' || { echo "expected 400 dev articles scored"; fail=1; }
# malformed records are named by file and line and skipped; the good one is scored
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
    printf 'Article id\tArticle url\tArticle title\tFull text\tJson\tWorker\n'
    printf '1\tu\tt\tTwo men were killed.\t{"victim-section":[{"victim-was":["killed"]}]}\tw\n'
    printf '2\tu\tt\tA man was shot.\t{not json\tw\n'
    printf '3\tu\tt\n'
} >"$tmp/bad.tsv"
"$TOOLS/score_figures" "$tmp/bad.tsv" data/dict >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
for l in bad.tsv:3: bad.tsv:4:; do
    grep -q "$l malformed record skipped" "$tmp/err" || { echo "no message naming $l"; fail=1; }
done
grep -q 'articles=1 skipped=2 killed_exact=0.000 killed_mae=1.000' "$tmp/out" ||
    { echo "bad records: unexpected $(cat "$tmp/out")"; fail=1; }
exit $fail

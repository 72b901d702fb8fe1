#!/bin/sh
# Event codes scored on the ConfliBERT CAMEO train split: the penta-class
# (statement, verbal/material cooperation, verbal/material conflict) of
# each sentence's first event against the human label (accuracy, accuracy
# over coded sentences, macro F1, computed by score_penta); fails if a score
# falls below tests/accuracy/penta_train.floor. The test split is scored by
# `make accuracy`, never here.
set -u
TOOLS=$(dirname "${DYAD:-build-asan/dyad}")/tools
SPLIT=${DYAD_SHARED:-../shared}/gold/conflibert-cameo/cameo_class/train.tsv
out=$("$TOOLS/score_penta" "$SPLIT" data/dict) || { echo "score_penta failed"; exit 1; }
echo "$out"
fail=0
. tests/e2e/lib/scores.sh
check_scores "ConfliBERT CAMEO train" "$out" tests/accuracy/penta_train.floor accuracy coded_accuracy macro_f1 ||
    fail=1
echo "$out" | grep -q 'sentences=1349 ' || { echo "expected 1349 train sentences scored"; fail=1; }
# malformed records are named by file and line and skipped; the good ones are scored
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
    printf 'Israeli forces attacked Gaza.\t4\n'
    printf 'a line without a label\n'
    printf 'Hamas praised Qatar.\t7\n'
    printf 'Qatar hosted talks with Hamas.\t1\n'
    printf 'The weather was fine.\t0\n'
} >"$tmp/bad.tsv"
"$TOOLS/score_penta" "$tmp/bad.tsv" data/dict >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
for l in bad.tsv:2: bad.tsv:3:; do
    grep -q "$l malformed record skipped" "$tmp/err" || { echo "no message naming $l"; fail=1; }
done
grep -q 'sentences=3 skipped=2 coded=2 coverage=0.667 accuracy=0.667 coded_accuracy=1.000' "$tmp/out" ||
    { echo "bad records: unexpected $(cat "$tmp/out")"; fail=1; }
exit $fail

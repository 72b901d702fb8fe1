#!/bin/sh
# Event codes and actors scored on the ConfliBERT CAMEO train splits:
# the penta-class (statement, verbal/material cooperation, verbal/material
# conflict) of each sentence's first event against the human label
# (score_penta: accuracy, accuracy over coded sentences, macro F1), and the
# overlap of events' source and target words with the annotated spans
# (score_spans: F1 of each, share of sentences with both right). Fails if a
# score falls below tests/accuracy/penta_train.floor or spans_train.floor.
# The test splits are scored by `make accuracy`, never here.
set -u
TOOLS=$(dirname "${DYAD:-build-asan/dyad}")/tools
GOLD=${DYAD_SHARED:-../shared}/gold/conflibert-cameo
. tests/e2e/lib/scores.sh
fail=0
out=$("$TOOLS/score_penta" "$GOLD/cameo_class/train.tsv" data/dict) || { echo "score_penta failed"; exit 1; }
echo "$out"
check_scores "ConfliBERT classes train" "$out" tests/accuracy/penta_train.floor accuracy coded_accuracy macro_f1 ||
    fail=1
echo "$out" | grep -q 'sentences=1349 ' || { echo "expected 1349 class train sentences scored"; fail=1; }
out=$("$TOOLS/score_spans" "$GOLD/cameo_ner/train.txt" data/dict) || { echo "score_spans failed"; exit 1; }
echo "$out"
check_scores "ConfliBERT spans train" "$out" tests/accuracy/spans_train.floor source_f1 target_f1 dyad || fail=1
echo "$out" | grep -q 'sentences=1153 ' || { echo "expected 1153 span train sentences scored"; fail=1; }

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
printf 'Israeli B-S\nforces I-S\nattacked O\nGaza B-T\n. O\n\nnotag\nQatar B-S\nhosted O\nHamas B-T\nextra X-T\n. O\n' >"$tmp/bad.txt"
"$TOOLS/score_penta" "$tmp/bad.tsv" data/dict >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; fail=1; }
"$TOOLS/score_spans" "$tmp/bad.txt" data/dict >>"$tmp/out" 2>>"$tmp/err" || { cat "$tmp/err"; fail=1; }
for l in "bad.tsv:2: malformed record" "bad.tsv:3: malformed record" "bad.txt:7: malformed line" \
    "bad.txt:11: malformed line"; do
    grep -q "$l skipped" "$tmp/err" || { echo "no message naming $l"; fail=1; }
done
grep -q 'sentences=3 skipped=2 coded=2 coverage=0.667 accuracy=0.667 coded_accuracy=1.000' "$tmp/out" ||
    { echo "bad class records: unexpected $(cat "$tmp/out")"; fail=1; }
grep -q 'sentences=2 skipped=2 source_p=1.000 source_r=1.000 source_f1=1.000 target_p=1.000 target_r=1.000 target_f1=1.000 dyad=1.000' "$tmp/out" ||
    { echo "bad span lines: unexpected $(cat "$tmp/out")"; fail=1; }
exit $fail
